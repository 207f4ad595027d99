// Sections of the written report fed by the agencies' free-text answers (khó khăn, vướng mắc; nhiệm vụ, giải pháp;
// kiến nghị, đề xuất; other results), the answer states, and the proposals generated from the data.
import { Paragraph, TextRun, type Table } from 'docx';
import { estimateQualifier } from '../../answer-text.ts';
import { fmtPct, fmtValue, stateLabel } from '../format.ts';
import { FONT, SIZE_14, para } from './docx-parts.ts';
import type { AgencyText, ConsolidatedReport, TextRow, TextSection } from '../types.ts';

export function heading(text: string): Paragraph {
  return para(text, { bold: true, before: 120, after: 80, indent: true });
}

export function subheading(text: string): Paragraph {
  return para(text, { bold: true, before: 80, after: 60, indent: true });
}

export const NONE_TEXT = 'Không có.';

/** "- Sở X: <text>" (several lines kept as line breaks), or "- Sở X: Không áp dụng (reason)." */
function answerPara(a: AgencyText): Paragraph {
  const body = a.state ? `${stateLabel(a.state, a.note)}.` : (a.text ?? '');
  const lines = body.split(/\r?\n/).filter((l) => l.trim() !== '');
  const runs = [
    new TextRun({ text: `- ${a.agencyName}: `, font: FONT, size: SIZE_14, italics: true }),
    ...lines.map((l, i) => new TextRun({ text: l.trim(), font: FONT, size: SIZE_14, break: i > 0 ? 1 : undefined })),
  ];
  if (a.draft) runs.push(new TextRun({ text: ' (chưa gửi)', font: FONT, size: SIZE_14, italics: true }));
  return para(runs, { indent: true });
}

const answered = (row: TextRow) => row.answers.filter((a) => a.text !== null || a.state !== null);

export const NOT_REPORTED_TEXT = 'Chưa có đơn vị nào báo cáo nội dung này.';

/** "Không có." when an agency skipped it (nothing to say); when none answered at all, that it was not reported. */
function nothing(rows: TextRow[]): Paragraph {
  const asked = rows.some((x) => x.answers.length); // a regime without such items never asked: the template's "Không có."
  const skipped = rows.some((x) => x.answers.some((a) => a.skipped));
  return para(!asked || skipped ? NONE_TEXT : NOT_REPORTED_TEXT, { indent: true });
}

/**
 * The answers of the text items of one section, by agency. With several items in the section each is led by its
 * label; a section (or an item) nobody answered says so ("Không có." when it was skipped).
 */
export function textSection(r: ConsolidatedReport, section: TextSection): Paragraph[] {
  const rows = r.texts.filter((x) => x.section === section);
  if (!rows.some((x) => answered(x).length)) return [nothing(rows)];
  const out: Paragraph[] = [];
  for (const row of rows) {
    if (rows.length > 1) out.push(para(`${row.label}:`, { indent: true, italics: true, after: 60 }));
    const list = answered(row);
    if (list.length) out.push(...list.map(answerPara));
    else out.push(nothing([row]));
  }
  return out;
}

/** Results items that are free text ("Kết quả nổi bật khác"): one numbered sub-section each, from `first`. */
export function resultTexts(r: ConsolidatedReport, first: number): Paragraph[] {
  return r.texts
    .filter((x) => x.section === 'results')
    .flatMap((row, i) => {
      const list = answered(row);
      return [subheading(`${first + i}. ${row.label}`), ...(list.length ? list.map(answerPara) : [nothing([row])])];
    });
}

/** "- Sở X, chỉ tiêu "…": Chưa có số liệu (reason)." for every figure or task answered with a state. */
export function statedAnswers(r: ConsolidatedReport, what: 'figures' | 'tasks'): Paragraph[] {
  const lines: string[] = [];
  if (what === 'figures') {
    for (const f of r.figures)
      for (const v of f.values) if (v.state) lines.push(`- ${v.agencyName}, chỉ tiêu "${f.label}": ${stateLabel(v.state, v.note)}.`);
  } else {
    for (const t of r.tasks)
      for (const s of t.statuses) if (s.state) lines.push(`- ${s.agencyName}, nhiệm vụ "${t.label}": ${stateLabel(s.state, s.note)}.`);
  }
  if (!lines.length) return [];
  const intro = 'Đơn vị báo cáo chưa có số liệu hoặc không áp dụng:';
  return [para(intro, { indent: true, before: 120 }), ...lines.map((l) => para(l, { indent: true }))];
}

/** "- Sở X, chỉ tiêu "…": khoảng 80%." for every figure an agency gave as an estimate. */
export function estimatedAnswers(r: ConsolidatedReport): Paragraph[] {
  const lines: string[] = [];
  for (const f of r.figures)
    for (const v of f.values) {
      const q = v.value !== null && !v.state ? estimateQualifier(v.note) : null;
      if (q) lines.push(`- ${v.agencyName}, chỉ tiêu "${f.label}": ${q} ${fmtValue(v.value, f.unit)}.`);
    }
  if (!lines.length) return [];
  const intro = 'Số liệu do đơn vị ước tính (chưa phải số chính xác):';
  return [para(intro, { indent: true, before: 120 }), ...lines.map((l) => para(l, { indent: true }))];
}

/** What the issuing body proposes, from the data: chase missing and late reports, figures below target, stalled tasks. */
export function proposalsOf(r: ConsolidatedReport): string[] {
  const out: string[] = [];
  const missing = r.agencies.filter((a) => a.timeliness === 'not_submitted').map((a) => a.name);
  if (missing.length)
    out.push(`Đề nghị các đơn vị chưa gửi báo cáo (${missing.join(', ')}) khẩn trương hoàn thành, gửi báo cáo ${r.period.label}.`);
  const notDue = r.agencies.filter((a) => a.timeliness === 'not_due').map((a) => a.name);
  if (notDue.length)
    out.push(`Đề nghị các đơn vị chưa gửi báo cáo (${notDue.join(', ')}) hoàn thành, gửi báo cáo ${r.period.label} trước hạn.`);
  const late = r.agencies.filter((a) => a.timeliness === 'late').map((a) => a.name);
  if (late.length) out.push(`Đề nghị các đơn vị gửi báo cáo trễ hạn (${late.join(', ')}) chấn chỉnh, bảo đảm thời hạn báo cáo các kỳ sau.`);
  const low = r.figures.filter((f) => f.pctOfTarget !== null && f.pctOfTarget < 1).map((f) => `${f.label} (đạt ${fmtPct(f.pctOfTarget)})`);
  if (low.length) out.push(`Tập trung chỉ đạo thực hiện các chỉ tiêu chưa đạt mục tiêu: ${low.join('; ')}.`);
  const stalled = r.tasks.filter((t) => t.counts.chua_trien_khai > 0).map((t) => t.label);
  if (stalled.length) out.push(`Các đơn vị chưa triển khai nhiệm vụ cần sớm triển khai: ${stalled.join('; ')}.`);
  if (!out.length) out.push('Tiếp tục duy trì, bảo đảm tiến độ thực hiện các chỉ tiêu, nhiệm vụ theo Kế hoạch.');
  return out;
}

/** Sections II–IV: difficulties, next steps, proposals (the agencies' own, then the issuing body's). */
export function closingSections(r: ConsolidatedReport, proposals: string[]): (Paragraph | Table)[] {
  return [
    heading('II. KHÓ KHĂN, VƯỚNG MẮC'),
    ...textSection(r, 'difficulties'),
    heading('III. NHIỆM VỤ, GIẢI PHÁP THỜI GIAN TỚI'),
    ...textSection(r, 'next_steps'),
    heading('IV. KIẾN NGHỊ, ĐỀ XUẤT'),
    subheading('1. Kiến nghị, đề xuất của các đơn vị'),
    ...textSection(r, 'proposals'),
    subheading('2. Đề xuất của cơ quan tổng hợp'),
    ...proposals.map((p) => para(`- ${p}`, { indent: true })),
  ];
}
