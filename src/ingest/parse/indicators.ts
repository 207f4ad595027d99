// Numeric targets (chỉ tiêu): "Tỷ lệ hộ gia đình có máy tính đạt 10-15%", "đạt 20 thuê bao/100 dân",
// "Dự kiến là 11.881,45 tỷ đồng", "Trên 60% lãnh đạo …". Dates, document numbers, article numbers, levels
// ("mức độ 3") and bare years are never targets.
import { parsePrintedNumber } from '../../core/locale.ts';
import type { Comparator, IndicatorKind, ParsedIndicator } from '../../core/types.ts';
import type { Outline } from './sections.ts';
import { subjectOf, type PrevValue } from './subjects.ts';
import { capitalizeFirst, collapse, foldKeep } from './vn.ts';

/** Vietnamese notation: "8.000.000.000" → 8e9, "11.881,45" → 11881.45, "0,65" → 0.65 (core/locale reads it). */
export const parseViNumber = parsePrintedNumber;

const NUM = String.raw`\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?`;
// Units after a number, longest first. Magnitude words stay in the unit ("tỷ đồng").
const UNITS: [string, IndicatorKind][] = [
  ['%/năm', 'percent'],
  ['%', 'percent'],
  ['thuê bao/100 dân', 'ratio'],
  ['máy tính/phòng', 'ratio'],
  ['giờ/ngày', 'ratio'],
  ['phút/ngày', 'ratio'],
  ['phút/buổi', 'ratio'],
  ['buổi/ngày', 'ratio'],
  ['chuyến/ngày', 'ratio'],
  ['km/vị trí', 'ratio'],
  ['nghìn tỷ đồng', 'money'],
  ['tỷ đồng', 'money'],
  ['triệu đồng', 'money'],
  ['đồng', 'money'],
  ['tỷ trang in', 'count'],
  ['triệu bản sách', 'count'],
  ['triệu văn hóa phẩm', 'count'],
  ['thuê bao', 'count'],
  ['doanh nghiệp', 'count'],
  ['điểm chuyển mạch', 'count'],
  ['điểm', 'count'],
  ['vị trí trạm', 'count'],
  ['vị trí', 'count'],
  ['trạm', 'count'],
  ['hộ nghèo và hộ cận nghèo', 'count'],
  ['hộ', 'count'],
  ['kênh truyền hình', 'count'],
  ['trung tâm sách', 'count'],
  ['nhà sách', 'count'],
  ['hiệu sách', 'count'],
  ['đại lý sách', 'count'],
  ['dịch vụ công trực tuyến', 'count'],
  ['Khu Công nghệ thông tin', 'count'],
  ['người', 'count'],
  ['cán bộ', 'count'],
  ['học viên', 'count'],
  ['lượt', 'count'],
];
const UNIT_RE = UNITS.map(([u]) => u.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/ /g, '\\s+')).join('|');
const VALUE = new RegExp(
  String.raw`(?<pre>(?:trên|hơn|ít nhất|tối thiểu|không dưới|dưới|không quá|tối đa|khoảng|từ|đạt)\s+)?(?<a>${NUM})(?:\s*%?\s*(?<dash>[-–]|đến)\s*(?<b>${NUM}))?\s*(?<unit>${UNIT_RE})(?![\p{L}\d])`,
  'giu',
);
const NOT_TARGET_BEFORE =
  /(?:mức độ|mức|số|điều|khoản|khóa|lần thứ|giai đoạn|trong số|ngày|tháng|năm|quý|iso|cmmi|nghị định|quyết định|chỉ thị|thông tư)\s*$/iu;
const YEAR_CTX = /(?:đến|vào|trong|tới)?\s*năm\s+(\d{4})|giai đoạn\s+\d{4}\s*[-–]\s*(\d{4})/iu;

export function unitKind(unit: string): [string, IndicatorKind] {
  const f = foldKeep(unit).replace(/\s+/g, ' ');
  const hit = UNITS.find(([u]) => foldKeep(u) === f);
  return hit ? [hit[0], hit[1]] : [collapse(unit), 'other'];
}

export function extractIndicators(outline: Outline, docYear: number | null): ParsedIndicator[] {
  const out: ParsedIndicator[] = [];
  let ctxYear: number | null = null;
  let ctxLevel = -1;
  for (const item of outline.stream) {
    const sec = outline.sections[item.section];
    const level = sec?.level ?? 0;
    if (item.labelled && level <= ctxLevel) ctxYear = null;
    // "Đến năm 2020:" on its own (or leading a paragraph) sets the year for what follows in the same block.
    const lead = /^(?:Đến|Giai đoạn đến|Trong|Vào)?\s*năm\s+(\d{4})\s*:|^Giai đoạn\s+\d{4}\s*[-–]\s*(\d{4})\s*:/iu.exec(item.text);
    if (lead) {
      ctxYear = Number(lead[1] ?? lead[2]);
      ctxLevel = level;
    }
    const headingYear = headingYearOf(outline, item.section);
    for (const sentence of item.text.split(/(?<=[.;])\s+(?=\p{Lu}|-|\d)/u)) {
      VALUE.lastIndex = 0;
      let prevEnd = 0;
      let prev: PrevValue | null = null;
      const inSentence: { end: number; subject: string }[] = [];
      for (let m = VALUE.exec(sentence); m; m = VALUE.exec(sentence)) {
        const g = m.groups ?? {};
        const before = sentence.slice(Math.max(0, m.index - 200), m.index);
        if (NOT_TARGET_BEFORE.test(before) || /[/\d]$/.test(before)) continue;
        const a = parseViNumber(g.a ?? '');
        const b = g.b ? parseViNumber(g.b) : null;
        if (a === null) continue;
        const [unit, kind] = unitKind(g.unit ?? '');
        if (
          kind !== 'percent' &&
          kind !== 'money' &&
          kind !== 'ratio' &&
          !/(?<!\p{L})(?:đạt|khoảng|ít nhất|trên|từ|có|mới|dự kiến|tổng|cho|duy trì|thêm|phát triển)(?!\p{L})|^-?\s*$|:\s*$/iu.test(
            before.slice(-40) + (g.pre ?? ''),
          )
        ) {
          prevEnd = m.index + m[0].length;
          continue;
        }
        const pre = foldKeep(g.pre ?? '').trim();
        let comparator: Comparator = 'eq';
        if (b !== null) comparator = 'range';
        else if (/^(?:tren|hon)$/.test(pre) || /\btrên\s*$/iu.test(before)) comparator = 'gt';
        else if (/^(?:it nhat|toi thieu|khong duoi|tu)$/.test(pre) || /ít nhất\s*$/iu.test(before)) comparator = 'gte';
        else if (/^(?:duoi)$/.test(pre)) comparator = 'lt';
        else if (/^(?:khong qua|toi da)$/.test(pre)) comparator = 'lte';
        const valueText = collapse(sentence.slice(m.index + (g.pre ? (g.pre as string).length : 0), m.index + m[0].length));
        const own = YEAR_CTX.exec(before);
        let y = own ? Number(own[1] ?? own[2]) : (ctxYear ?? headingYear ?? docYear);
        const open = sentence.lastIndexOf('(', m.index);
        const inParen = open >= 0 && sentence.indexOf(')', open) > m.index;
        const owner = inParen ? ([...inSentence].reverse().find((x) => x.end <= open)?.subject ?? null) : null;
        const at = { start: m.index, end: m.index + m[0].length, prevEnd, prev, unit, kind, parenOwner: owner, preWord: g.pre ?? '' };
        const res = subjectOf(sentence, at);
        const fin = finishSubject(outline, out, item.section, res.subject, res.synthetic, unit, kind);
        const subject = fin.subject;
        prev = { subject: res.subject, verb: res.verb, valueFirst: res.valueFirst, end: m.index + m[0].length };
        inSentence.push({ end: m.index + m[0].length, subject: res.subject });
        out.push({
          section: item.section,
          subject,
          // A bare "Dự kiến là 3.582,95 tỷ đồng." is quoted with the heading that says what it is.
          text:
            !res.subject && sec?.heading && !item.heading
              ? `${collapse(sec.heading).replace(/[:.]?$/, ':')} ${collapse(sentence)}`
              : sentence.length > 600
                ? `${collapse(sentence.slice(Math.max(0, m.index - 250), m.index + 250))}…`
                : collapse(sentence),
          valueText,
          valueMin: a,
          valueMax: b ?? a,
          comparator,
          unit,
          kind,
          year: (y = fin.year ?? y) && y > 1990 && y < 2100 ? y : null,
        });
        prevEnd = m.index + m[0].length;
      }
    }
  }
  return out;
}

/**
 * Fills what the sentence alone cannot say: a bare value ("Dự kiến là 3.582,95 tỷ đồng" under "a) Giai đoạn
 * 2016 - 2020") takes the subject of the total above it or the heading; a value restating an earlier one of the same
 * unit in the same section ("Đạt 15 triệu bản sách" after "sản lượng phát hành đạt 12 triệu bản sách") takes its
 * subject; money under a period heading carries the period ("Ngân sách Trung ương giai đoạn 2016 - 2020").
 */
function finishSubject(
  outline: Outline,
  done: ParsedIndicator[],
  section: number,
  subject: string,
  synthetic: boolean,
  unit: string,
  kind: IndicatorKind,
): { subject: string; year: number | null } {
  let s = subject;
  if (!s || synthetic) {
    const same = [...done].reverse().find((x) => x.section === section && x.unit === unit && x.subject);
    if (same) s = same.subject.replace(PERIOD_TAIL, '');
  }
  if (!s) {
    const chain = ancestors(outline, section).slice(1);
    const above = [...done].reverse().find((x) => x.kind === kind && x.subject && chain.includes(x.section));
    const heading = chain
      .map((i) => outline.sections[i]?.heading ?? '')
      .find((h) => h && !/^(?:giai đoạn|năm|đến năm)\s+\d{4}/iu.test(h.trim()));
    s = above ? above.subject.replace(PERIOD_TAIL, '') : capitalizeFirst(collapse(heading ?? '').replace(/[:.]$/, ''));
  }
  if (kind === 'money' && s && !/giai đoạn/iu.test(s)) {
    const own = ancestors(outline, section)
      .map((i) => periodOf(outline.sections[i]?.heading))
      .find((p) => p);
    // A total broken down by period below it ("a) Giai đoạn 2016 - 2020 … c) Giai đoạn 2026 - 2030") spans them all.
    const below = outline.sections
      .filter((x) => x.parent === section)
      .map((x) => periodOf(x.heading))
      .filter((p) => p) as [number, number][];
    const span: [number, number] | undefined =
      own ?? (below.length > 1 ? [Math.min(...below.map((p) => p[0])), Math.max(...below.map((p) => p[1]))] : undefined);
    if (span) return { subject: `${s} giai đoạn ${span[0]} - ${span[1]}`, year: span[1] };
  }
  return { subject: s, year: null };
}

function periodOf(heading: string | null | undefined): [number, number] | null {
  const m = heading ? /giai đoạn\s+(\d{4})\s*[-–]\s*(\d{4})/iu.exec(heading) : null;
  return m ? [Number(m[1]), Number(m[2])] : null;
}

const PERIOD_TAIL = /\s+giai đoạn\s+\d{4}\s*-\s*\d{4}$/u;

function ancestors(outline: Outline, idx: number): number[] {
  const out: number[] = [];
  for (let i: number | null = idx; i !== null; i = outline.sections[i]?.parent ?? null) out.push(i);
  return out;
}

function headingYearOf(outline: Outline, idx: number): number | null {
  for (let i: number | null = idx; i !== null; i = outline.sections[i]?.parent ?? null) {
    const h = outline.sections[i]?.heading;
    const m = h ? /năm\s+(\d{4})/iu.exec(h) : null;
    if (m) return Number(m[1]);
  }
  return null;
}
