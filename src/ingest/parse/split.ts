// Splits a file's lines into documents and each document into header, title, body and trailer (signature block).
import { typeWords } from '../../core/doc-types.ts';
import { isFormTemplate, isMotto, markForms } from './forms.ts';
import { foldKeep, isUpperText } from './vn.ts';

export interface Chunk {
  issuerLines: string[]; // upper-case issuer lines of the header ("ỦY BAN NHÂN DÂN", "TỈNH CÀ MAU")
  headerLines: string[]; // everything between the national motto and the type line ("Số: …", place and date)
  typeWord: string | null; // "QUYẾT ĐỊNH", "Chỉ thị" (from a news headline)
  titleLines: string[];
  headline: boolean; // title taken from a news headline, not a formal header
  body: string[];
  trailer: string[];
  recipients: string[]; // "Kính gửi: - Các sở, ban, ngành tỉnh; - UBND các huyện" → one entry per recipient
  attached: { date: string | null } | null; // issued with the decision before it: "(Ban hành kèm theo Quyết định số … ngày …)"
}

const TYPE_WORDS = typeWords('typeLine');
// The type line of a document issued with a decision, printed after its signature ("QUY CHẾ" … "(Ban hành kèm theo …)").
const ATTACHED_TYPE = new RegExp(`^(?:${typeWords('attached')})\\b.{0,120}$`);
const ISSUES_HERE = new RegExp(`ban hanh kem theo quyet dinh nay\\s+(${typeWords('attached')})\\b`, 'g');
const ATTACHED_NOTE = new RegExp(`^[(\\s*_]*(?:ban hanh\\s+)?(?:kem|km) theo\\s+(?:${typeWords('issues')})`);
const TYPE_LINE = new RegExp(`^(?:${TYPE_WORDS})\\s*:?$`);
const HEADLINE = new RegExp(`^(${TYPE_WORDS})\\s+(?:ve|so|cua)\\b`);
const AUTHORITY =
  /^(?:chu tich|pho chu tich|uy ban nhan dan|ubnd|ban thuong vu|ban chap hanh|giam doc|bo truong|hoi dong nhan dan|tinh uy|thanh uy|so )/;
const SIGN_START =
  /^(?:tm\.?|t\/m|kt\.?|k\/t|tl\.?|t\/l|q\.|tuq\.?|tm\s)|^(?:chu tich|pho chu tich|giam doc|pho giam doc|bi thu|pho bi thu|truong ban|bo truong)$/;

const f = (s: string) => foldKeep(s).trim();

/** The type line at `j` ("QUYẾT ĐỊNH"), also wrapped over two lines ("QUYẾT" / "ĐỊNH"): its words and line count. */
function typeLineAt(lines: string[], j: number): { word: string; lines: number } | null {
  const l = lines[j] ?? '';
  if (!isUpperText(l)) return null;
  if (TYPE_LINE.test(f(l))) return { word: l, lines: 1 };
  const next = lines[j + 1] ?? '';
  const joined = `${l} ${next}`;
  return next && !TYPE_LINE.test(f(next)) && isUpperText(next) && TYPE_LINE.test(f(joined)) ? { word: joined, lines: 2 } : null;
}

/** Indices where a new formal document starts (the issuer lines above each national motto). */
function docStarts(lines: string[]): number[] {
  const starts: number[] = [];
  lines.forEach((_l, i) => {
    if (!isMotto(lines, i) || (i > 0 && isFormTemplate(lines, i))) return;
    let j = i - 1;
    while (j >= 0 && lines[j] === '') j--;
    let first = i;
    while (j >= 0 && lines[j] !== '' && isUpperText(lines[j] as string) && !isMotto(lines, j)) first = j--;
    starts.push(first === i ? i : first);
  });
  if (starts.length === 0 || starts[0] !== 0) {
    // Text before the first header belongs to the first document (or the file has no header at all).
    if (starts.length === 0) return [0];
    const head = lines.slice(0, starts[0]).filter((l) => l !== '');
    if (head.length > 0) starts[0] = 0;
  }
  return starts;
}

export function splitDocuments(text: string[]): Chunk[] {
  const lines = markForms(text);
  const starts = docStarts(lines);
  const out: Chunk[] = [];
  starts.forEach((s, k) => {
    const part = lines.slice(s, starts[k + 1] ?? lines.length);
    const cuts = attachedStarts(part);
    [0, ...cuts].forEach((c, i) => {
      let piece = part.slice(c, cuts[i] ?? part.length);
      if (i > 0) {
        // "KẾ HOẠCH TRIỂN KHAI …" on one line: the type word on its own line, the rest is the title.
        const first = piece[0] as string;
        const m = /^(\S+\s+\S+)\s+(.+)$/u.exec(first);
        if (!TYPE_LINE.test(f(first)) && m) piece = [m[1] as string, m[2] as string, ...piece.slice(1)];
      }
      const chunk = chunkOf(piece);
      if (i > 0) {
        chunk.attached = attachedNote(piece.slice(0, 12));
        dropAttachedNote(chunk);
      }
      out.push(chunk);
    });
  });
  return out;
}

/**
 * Where documents issued together with a decision start inside it: after the decision's signature or "Nơi nhận",
 * an upper-case type line ("QUY CHẾ", "KẾ HOẠCH") with "(Ban hành kèm theo Quyết định số …)" a few lines below.
 */
function attachedStarts(lines: string[]): number[] {
  const cuts: number[] = [];
  let signed = false;
  // "Ban hành kèm theo Quyết định này Kế hoạch …": the decision says what it issues, and a copy may print that
  // document without its own "(Ban hành kèm theo …)" note.
  const issues = new Set<string>();
  for (let j = 0; j < lines.length; j++) {
    const l = lines[j] as string;
    const fl = f(l);
    if (!signed) for (const m of `${fl} ${f(lines[j + 1] ?? '')}`.matchAll(ISSUES_HERE)) issues.add(m[1]!);
    if (/^noi nhan(?!\s*[a-z])/.test(fl) || (SIGN_START.test(fl) && isUpperText(l))) signed = true;
    if (!signed || !isUpperText(l) || !ATTACHED_TYPE.test(fl)) continue;
    // An appendix ("PHỤ LỤC" above the title) stays part of its document.
    if (lines.slice(Math.max(0, j - 4), j).some((x) => /^phu luc\b/.test(f(x.replace(/[*_]/g, ''))))) continue;
    const near = lines.slice(j + 1, j + 11).map((x) => f(x.replace(/[*_]/g, '')));
    // "(*Ban" / "hành kèm theo Quyết định số …)*": the note may be wrapped right after its first word.
    const noted = near.some((x, k) => ATTACHED_NOTE.test(x) || ATTACHED_NOTE.test(`${x} ${near[k + 1] ?? ''}`));
    if (!noted && !issues.has(fl.replace(/[*_\s]+$/, ''))) continue;
    cuts.push(j);
    signed = false;
  }
  return cuts;
}

/** Removes "(Ban hành kèm theo Quyết định số … ngày …)" from the start of an attached document's title or body. */
function dropAttachedNote(c: Chunk): void {
  for (const list of [c.titleLines, c.body]) {
    const i = list
      .slice(0, 8)
      .findIndex((l, k) => ATTACHED_NOTE.test(f(`${l} ${k === 7 ? '' : (list[k + 1] ?? '')}`.replace(/[*_]/g, ''))));
    if (i < 0) continue;
    let j = i;
    while (j < list.length - 1 && j < i + 4 && !/\)/.test(list[j] as string)) j++;
    list.splice(i, j - i + 1);
    return;
  }
}

function attachedNote(lines: string[]): { date: string | null } {
  const text = lines.join(' ').replace(/[*_]/g, '');
  const at = foldKeep(text).search(/kem theo/);
  const tail = at >= 0 ? text.slice(at, at + 200) : '';
  const d = /ngày\s+(\d{1,2})\s*(?:tháng\s*|\/)(\d{1,2})\s*(?:năm\s*|\/)(\d{4})/u.exec(tail);
  const date = d ? `${d[3]}-${String(d[2]).padStart(2, '0')}-${String(d[1]).padStart(2, '0')}` : null;
  return { date };
}

/** How far into a document its national motto may be (below the issuer's lines). */
const MOTTO_WITHIN = 20;

function chunkOf(lines: string[]): Chunk {
  const c: Chunk = {
    issuerLines: [],
    headerLines: [],
    typeWord: null,
    titleLines: [],
    headline: false,
    body: [],
    trailer: [],
    recipients: [],
    attached: null,
  };
  // The motto heads the document: one further down is a form of its appendix, whose lines above are no issuer.
  const motto = lines.slice(0, MOTTO_WITHIN).findIndex((_l, k) => isMotto(lines, k));
  let i = 0;
  if (motto >= 0) {
    c.issuerLines = lines.slice(0, motto).filter((l) => l !== '');
    i = motto;
  }
  // Type line: an upper-case "QUYẾT ĐỊNH" alone, within the first lines after the motto.
  let typeAt = -1;
  let typeLine: { word: string; lines: number } | null = null;
  for (let j = i; j < Math.min(lines.length, i + 40) && !typeLine; j++) {
    typeLine = typeLineAt(lines, j);
    if (typeLine) typeAt = j;
  }
  let bodyStart: number;
  const vv = typeAt >= 0 ? -1 : subjectLine(lines, i);
  if (typeLine) {
    c.headerLines = lines.slice(motto >= 0 ? motto : 0, typeAt).filter((l) => l !== '');
    c.typeWord = typeLine.word.replace(/:$/, '').trim();
    bodyStart = readTitle(lines, typeAt + typeLine.lines, c);
  } else if (vv >= 0) {
    // An official letter (công văn) prints no type line: "Số: 1235/STTTT-CNTT" then "V/v báo cáo …".
    c.typeWord = 'Công văn';
    c.titleLines = [(lines[vv] as string).replace(/^(?:V\/v|Về việc)\s*:?\s*/iu, 'Về việc ')];
    let j = vv + 1;
    for (; j < lines.length; j++) {
      const l = lines[j] as string;
      if (l === '' || PLACE_DATE.test(l) || /^(?:số|so)\s*:/iu.test(l)) continue;
      if (j === vv + 1 && /^\p{Ll}/u.test(l)) c.titleLines.push(l);
      else break;
    }
    c.headerLines = lines.slice(motto >= 0 ? motto : 0, j).filter((l) => l !== '' && !c.titleLines.includes(l));
    bodyStart = j;
  } else {
    // A news article: the first non-empty line is the headline ("Chỉ thị về …").
    const h = lines.findIndex((l) => l !== '');
    const m = h >= 0 ? HEADLINE.exec(f(lines[h] as string)) : null;
    if (m && h >= 0) {
      const line = lines[h] as string;
      c.typeWord = line.slice(0, (m[1] as string).length);
      c.titleLines = [line.slice((m[1] as string).length).trim()];
      c.headline = true;
      bodyStart = h + 1;
    } else {
      bodyStart = 0;
    }
  }
  if (motto < 0 && c.headerLines.length > 0) {
    // Web copies that drop the national motto: the issuer is the upper-case text before "Số:".
    const issuer: string[] = [];
    for (const l of c.headerLines) {
      const k = foldKeep(l).search(/\bso\s*:/);
      const head = (k >= 0 ? l.slice(0, k) : l).trim();
      if (head && isUpperText(head)) issuer.push(head);
      if (k >= 0 || !isUpperText(l)) break;
    }
    c.issuerLines = issuer;
  }
  bodyStart = readRecipients(lines, bodyStart, c);
  const rest = lines.slice(bodyStart);
  const cut = trailerStart(rest);
  c.body = rest.slice(0, cut);
  c.trailer = rest.slice(cut);
  // An appendix printed after the signature ("PHỤ LỤC: DANH MỤC NHIỆM VỤ") is part of the document's content.
  const app = c.trailer.findIndex(isAppendixStart);
  if (app > 0) {
    c.body = [...c.body, '', ...c.trailer.slice(app)];
    c.trailer = c.trailer.slice(0, app);
  }
  return c;
}

const PLACE_DATE = /^[\p{L} .-]{2,40},\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}/u;

/** The "V/v …" subject line of an official letter, close below "Số: …" (within the header). */
function subjectLine(lines: string[], from: number): number {
  for (let j = from; j < Math.min(lines.length, from + 15); j++) if (/^(?:V\/v|V\/V)\s*:?\s*\p{L}/u.test(lines[j] as string)) return j;
  return -1;
}

/** "Kính gửi: - A; - B." (or "Kính gửi: A") right after the title: the addressees, not body text. */
function readRecipients(lines: string[], from: number, c: Chunk): number {
  let j = from;
  while (j < lines.length && lines[j] === '') j++;
  const m = /^Kính gửi\s*:?\s*(.*)$/iu.exec(lines[j] ?? '');
  if (!m) return from;
  const push = (s: string) => {
    const r = s
      .replace(/^[-–•+]\s*/, '')
      .replace(/[;.,]+$/, '')
      .trim();
    if (r) c.recipients.push(r);
  };
  if (m[1]) push(m[1]);
  for (j++; j < lines.length; j++) {
    const l = lines[j] as string;
    if (l === '') {
      if (c.recipients.length > 0 && !/^[-–•+]\s/.test(lines[j + 1] ?? '')) break;
      continue;
    }
    if (!/^[-–•+]\s/.test(l)) break;
    push(l);
  }
  return j;
}

/** Reads the title lines after the type line; returns the index where the body starts. */
function readTitle(lines: string[], from: number, c: Chunk): number {
  let j = from;
  while (j < lines.length && lines[j] === '') j++;
  const upper = j < lines.length && isUpperText(lines[j] as string);
  for (; j < lines.length; j++) {
    const l = lines[j] as string;
    if (l === '') {
      if (c.titleLines.length > 0) break;
      continue;
    }
    const fl = f(l);
    // "Xét đề nghị của …", "Xét Tờ trình …" open the preamble; "XÉT TẶNG DANH HIỆU …" is a title.
    if (/^can cu\b|^xet (?:de nghi|to trinh|ket qua)\b|^theo de nghi\b|^dieu\s+\d|^[ivx]+\.\s|^\d+\.\s/.test(fl)) break;
    // A line without letters ("2030" of "… GIAI ĐOẠN 2026 -" / "2030") goes on with the title in either case.
    const cased = /\p{L}/u.test(l);
    if (c.titleLines.length > 0 && (AUTHORITY.test(fl) || (cased && upper !== isUpperText(l)))) break;
    if (c.titleLines.length > 0 && !upper && startsSentence(l)) break;
    c.titleLines.push(l);
    if (!upper && /[.:]$/.test(l)) {
      j++;
      break;
    }
  }
  return j;
}

/** "Thời gian qua, việc …" starts a paragraph; "Quảng Trị" or "CNTT và truyền thông" continues a title line. */
function startsSentence(l: string): boolean {
  const w = l.split(/\s+/);
  if (!/^\p{Lu}\p{Ll}/u.test(w[0] ?? '') || /^\p{Lu}/u.test(w[1] ?? '')) return false;
  return /[,.;:]/.test(l) && w.length >= 6;
}

/** Start of the closing block: "Nơi nhận:" or the signature ("TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / name"). */
function trailerStart(body: string[]): number {
  // The signature comes before an appendix ("PHỤ LỤC", "Mẫu số 01"), which may be long (forms with their own "Nơi
  // nhận"): it is the first one found above an appendix's start, else at the end.
  const ends = body.flatMap((l, k) => (isAppendixStart(l) ? [k] : []));
  for (const end of [...ends, body.length]) {
    for (let j = Math.max(0, end - 30); j < end; j++) {
      const l = body[j] as string;
      const fl = f(l);
      if (/^noi nhan(?!\s*[a-z])/.test(fl) || (SIGN_START.test(fl) && isUpperText(l))) return j;
    }
  }
  return body.length;
}

/** "PHỤ LỤC", "Phụ lục I:", "Mẫu số 01" alone: an appendix printed after the signature. */
function isAppendixStart(l: string): boolean {
  const fl = f(l);
  return (/^phu luc\b/.test(fl) && (isUpperText(l) || /^phu luc\s*(?:[ivx\d]+\s*)?[:.]?/.test(fl))) || /^mau so\s*\d+\s*$/.test(fl);
}

export function signerOf(trailer: string[]): string | null {
  const sig = trailer.findIndex((l) => SIGN_START.test(f(l)) && isUpperText(l));
  if (sig < 0) return null;
  for (const l of trailer.slice(sig + 1)) {
    if (l === '' || isUpperText(l) || /^[([]\s*(?:đã ký|đã ký và đóng dấu|ký|chữ ký số)\s*[)\]]$/iu.test(l)) continue;
    const words = l.split(/\s+/);
    if (words.length >= 2 && words.length <= 6 && words.every((w) => /^\p{Lu}/u.test(w))) return l.trim();
    return null;
  }
  return null;
}
