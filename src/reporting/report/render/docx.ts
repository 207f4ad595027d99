// The report as the coordinator hands it up: a DOCX in the Vietnamese administrative layout (Nghị định 30/2020/NĐ-CP)
// — header block, number, place and date, "BÁO CÁO" and its trích yếu, I. results (submissions, figures, tasks,
// other results), II. difficulties, III. next steps, IV. proposals, "Nơi nhận" and the signer block.
import { AlignmentType, Document, Footer, Header, Packer, PageNumber, Paragraph, TextRun, type Table } from 'docx';
import { agencyProgressCells, fmtChange, fmtNum, fmtPct, fmtValue } from '../format.ts';
import { reportTitle } from './markdown.ts';
import { FONT, SIZE_14, dataTable, para } from './docx-parts.ts';
import { headerBlock, signatureBlock, titleBlock } from './docx-header.ts';
import { closingSections, heading, proposalsOf, resultTexts, estimatedAnswers, statedAnswers, subheading } from './docx-sections.ts';
import type { ConsolidatedReport } from '../types.ts';

import type { DocxMeta } from './docx-header.ts';

export type { DocxMeta } from './docx-header.ts';

type Block = Paragraph | Table;

/** 1. Who submitted, when, how completely. */
function submissionSection(r: ConsolidatedReport): Block[] {
  const t = r.totals;
  const summary = t.notDueSummary
    ? `Tổng số đơn vị phải báo cáo: ${t.agencies}; ${t.notDueSummary}. Tỷ lệ đầy đủ số liệu đạt ${fmtPct(t.completeness)}.`
    : `Tổng số đơn vị phải báo cáo: ${t.agencies}; đã gửi báo cáo: ${t.submitted} (đúng hạn ${t.onTime}, trễ hạn ${t.late}); chưa gửi báo cáo: ${t.notSubmitted}. ` +
      `Tỷ lệ đầy đủ số liệu đạt ${fmtPct(t.completeness)}; tỷ lệ đúng hạn đạt ${fmtPct(t.timeliness)}.`;
  const body: Block[] = [subheading('1. Tình hình gửi báo cáo của các đơn vị'), para(summary, { indent: true })];
  if (r.includesDrafts)
    body.push(para('Số liệu tổng hợp có tính cả số liệu các đơn vị đã nhập nhưng chưa gửi báo cáo.', { indent: true, italics: true }));
  const columns = [
    { header: 'STT', weight: 7, align: 'center' as const },
    { header: 'Đơn vị', weight: 30 },
    { header: 'Tình trạng', weight: 16 },
    { header: 'Thời điểm gửi', weight: 16, align: 'center' as const },
    { header: 'Số mục đã báo cáo', weight: 12, align: 'center' as const },
    { header: 'Tỷ lệ đầy đủ', weight: 11, align: 'right' as const },
  ];
  const rows = r.agencies.map(agencyProgressCells);
  body.push(dataTable(columns, rows));
  return body;
}

/** The figures with a big change since last period, with the agencies' explanations (at most 30 named). */
function flaggedParagraphs(r: ConsolidatedReport): Block[] {
  if (!r.flagged.length) return [];
  const MAX_FLAGGED = 30;
  const body: Block[] = [
    para('Một số số liệu có biến động bất thường so với kỳ trước, đã được đơn vị giải trình:', { indent: true, before: 120 }),
  ];
  for (const f of r.flagged.slice(0, MAX_FLAGGED)) {
    const why = f.note ? `; giải trình: ${f.note.replace(/^\s*giải trình\s*:\s*/i, '')}` : '; chưa có giải trình';
    body.push(para(`- ${f.agencyName}, chỉ tiêu "${f.label}": ${fmtValue(f.value, f.unit)} (${f.reason})${why}.`, { indent: true }));
  }
  if (r.flagged.length > MAX_FLAGGED) {
    const more = `- Và ${r.flagged.length - MAX_FLAGGED} trường hợp khác (chi tiết tại bảng tính kèm theo, trang "Theo đơn vị").`;
    body.push(para(more, { indent: true }));
  }
  return body;
}

/** 2. The figures: how they are aggregated, the table, the outliers, and the answers given as a state or estimate. */
function figureSection(r: ConsolidatedReport): Block[] {
  const body: Block[] = [subheading('2. Kết quả thực hiện các chỉ tiêu')];
  if (!r.figures.length) return [...body, para('Kỳ này không có chỉ tiêu số liệu.', { indent: true })];
  body.push(
    para(
      'Số liệu tổng hợp từ báo cáo của các đơn vị: chỉ tiêu về số lượng, kinh phí được cộng tổng; chỉ tiêu tỷ lệ tính theo trung bình cộng của các đơn vị (không trọng số).' +
        (r.previousPeriod ? ` Cột "Tăng/giảm" so sánh với ${r.previousPeriod.label}.` : ''),
      { indent: true },
    ),
  );
  const columns = [
    { header: 'STT', weight: 7, align: 'center' as const },
    { header: 'Chỉ tiêu', weight: 27 },
    { header: 'ĐVT', weight: 9, align: 'center' as const },
    { header: 'Mục tiêu', weight: 11, align: 'center' as const },
    { header: 'Kết quả', weight: 12, align: 'right' as const },
    { header: '% so với mục tiêu', weight: 10, align: 'right' as const },
    { header: 'Kỳ trước', weight: 11, align: 'right' as const },
    { header: 'Tăng/giảm', weight: 14, align: 'right' as const },
  ];
  const rows = r.figures.map((f, i) => [
    i + 1,
    `${f.label} (${f.methodLabel}; ${f.answered}/${f.expected} đơn vị)`,
    f.unit,
    f.aggregateTarget !== null ? fmtNum(f.aggregateTarget) : (f.target.text ?? ''),
    fmtNum(f.aggregate),
    fmtPct(f.pctOfTarget),
    f.change ? fmtNum(f.change.previous) : '–',
    fmtChange(f.change, f.unit),
  ]);
  body.push(dataTable(columns, rows), ...flaggedParagraphs(r), ...statedAnswers(r, 'figures'), ...estimatedAnswers(r));
  return body;
}

export function docxBody(r: ConsolidatedReport, meta: DocxMeta): Block[] {
  return [
    heading('I. KẾT QUẢ THỰC HIỆN'),
    ...submissionSection(r),
    ...figureSection(r),
    subheading('3. Tình hình thực hiện nhiệm vụ'),
    ...(r.tasks.length ? taskSection(r) : [para('Kỳ này không có nhiệm vụ phải báo cáo.', { indent: true })]),
    ...resultTexts(r, 4),
    ...closingSections(r, meta.proposals ?? proposalsOf(r)),
  ];
}

/** Task table (numbered from 1), the agencies' notes, and the answers given as a state. */
function taskSection(r: ConsolidatedReport): (Paragraph | Table)[] {
  const body: (Paragraph | Table)[] = [];
  const stated = r.tasks.some((x) => x.counts.stated > 0);
  body.push(
    dataTable(
      [
        { header: 'STT', weight: 7, align: 'center' },
        { header: 'Nhiệm vụ', weight: stated ? 30 : 35 },
        { header: 'Hoàn thành', weight: 11, align: 'center' },
        { header: 'Đang triển khai', weight: 11, align: 'center' },
        { header: 'Chưa triển khai', weight: 11, align: 'center' },
        ...(stated ? [{ header: 'Chưa có số liệu / không áp dụng', weight: 14, align: 'center' as const }] : []),
        { header: 'Chưa báo cáo', weight: 11, align: 'center' },
        { header: '% khối lượng', weight: 11, align: 'right' },
      ],
      r.tasks.map((x, i) => [
        i + 1,
        x.label,
        x.counts.hoan_thanh,
        x.counts.dang_trien_khai,
        x.counts.chua_trien_khai,
        ...(stated ? [x.counts.stated] : []),
        x.counts.none,
        x.pctDone === null ? '–' : `${fmtNum(x.pctDone, 1)}%`,
      ]),
    ),
  );
  for (const x of r.tasks) {
    const notes = x.statuses.filter((s) => s.note && !s.state).map((s) => `${s.agencyName} (${s.statusLabel.toLowerCase()}): ${s.note}`);
    if (notes.length) body.push(para(`- ${x.label}: ${notes.join('; ')}.`, { indent: true, before: 80 }));
  }
  body.push(...statedAnswers(r, 'tasks'));
  return body;
}

export async function renderDocx(r: ConsolidatedReport, meta: DocxMeta = {}): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    headerBlock(r, meta),
    ...titleBlock(reportTitle(r)),
    ...docxBody(r, meta),
    signatureBlock(r, meta),
  ];
  // Page number centred at the top from page 2 (the first page has an empty header).
  const pageNo = new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: SIZE_14 })],
  });
  const doc = new Document({
    creator: 'Trợ lý văn bản chỉ đạo',
    title: `Báo cáo ${reportTitle(r)}`,
    styles: { default: { document: { run: { font: FONT, size: SIZE_14 } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1701, right: 850 } },
        },
        headers: { default: new Header({ children: [pageNo] }), first: new Header({ children: [] }) },
        footers: { first: new Footer({ children: [] }) },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
