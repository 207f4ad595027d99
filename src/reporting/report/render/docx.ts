// The report as the coordinator hands it up: a DOCX in the usual Vietnamese administrative layout — issuing body and
// national motto, number, place and date, title, sections I–IV with tables, "Nơi nhận" and the signer block.
import { AlignmentType, Document, Packer, Paragraph, type Table } from 'docx';
import { fmtChange, fmtDateTime, fmtLongDate, fmtNum, fmtPct, fmtValue } from '../format.ts';
import { reportTitle } from './markdown.ts';
import {
  SIZE_11,
  SIZE_12,
  SIZE_13,
  SIZE_14,
  centered,
  dataTable,
  layoutTable,
  para,
  run,
  shortRule,
  FONT,
  TEXT_WIDTH,
} from './docx-parts.ts';
import type { ConsolidatedReport } from '../types.ts';

export interface DocxMeta {
  /** Superior body, upper case: "UBND TỈNH CÀ MAU". Default from the regime's province. */
  parentBody?: string;
  /** Issuing body, upper case: "SỞ THÔNG TIN VÀ TRUYỀN THÔNG". */
  issuingBody?: string;
  /** Abbreviation in the number: "STTTT" → "Số: …/BC-STTTT". */
  issuingAbbr?: string;
  /** Document number; "…" (to be filled by the clerk) when absent. */
  number?: string;
  place?: string;
  date?: Date;
  recipients?: string[];
  signerTitle?: string;
  signerName?: string;
  /** Section IV; generated from the data when absent. */
  proposals?: string[];
}

const LEFT = 4200; // width of the left header column, twips

function proposalsOf(r: ConsolidatedReport): string[] {
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

function heading(text: string): Paragraph {
  return para(text, { bold: true, before: 120, after: 80, indent: true });
}

function headerBlock(r: ConsolidatedReport, meta: DocxMeta): Table {
  const province = r.regime.province ?? '…';
  const parent = meta.parentBody ?? `UBND TỈNH ${province.toUpperCase()}`;
  const issuer = meta.issuingBody ?? 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG';
  const abbr = meta.issuingAbbr ?? 'STTTT';
  const place = meta.place ?? r.regime.province ?? '…';
  const rightWidth = TEXT_WIDTH - LEFT;
  return layoutTable(
    [
      [
        [centered(parent, { size: SIZE_13 }), centered(issuer, { size: SIZE_13, bold: true }), shortRule(1400, LEFT)],
        [
          centered('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: SIZE_12, bold: true }),
          centered('Độc lập - Tự do - Hạnh phúc', { size: SIZE_13, bold: true }),
          shortRule(3000, rightWidth),
        ],
      ],
      [
        [centered(`Số: ${meta.number ?? '…'}/BC-${abbr}`, { size: SIZE_13 })],
        [centered(`${place}, ${fmtLongDate(meta.date ?? r.generatedAt)}`, { size: SIZE_14, italics: true })],
      ],
    ],
    LEFT,
  );
}

function signatureBlock(r: ConsolidatedReport, meta: DocxMeta): Table {
  const recipients = meta.recipients ?? [
    r.regime.receivingBody ? `${r.regime.receivingBody} (b/c)` : 'UBND tỉnh (b/c)',
    'Các đơn vị báo cáo',
    'Lưu: VT',
  ];
  const left = [
    new Paragraph({ children: [run('Nơi nhận:', { bold: true, italics: true, size: SIZE_12 })], spacing: { before: 240 } }),
    ...recipients.map(
      (x, i) =>
        new Paragraph({ children: [run(`- ${x}${i === recipients.length - 1 ? '.' : ';'}`, { size: SIZE_11 })], spacing: { after: 0 } }),
    ),
  ];
  const right = [
    new Paragraph({
      children: [run(meta.signerTitle ?? 'GIÁM ĐỐC', { bold: true, size: SIZE_14 })],
      alignment: AlignmentType.CENTER,
      spacing: { before: 240 },
    }),
    ...Array.from({ length: 4 }, () => centered('')),
    centered(meta.signerName ?? '', { bold: true }),
  ];
  return layoutTable([[left, right]], LEFT);
}

export function docxBody(r: ConsolidatedReport, meta: DocxMeta): (Paragraph | Table)[] {
  const t = r.totals;
  const body: (Paragraph | Table)[] = [];
  body.push(heading('I. TÌNH HÌNH NỘP BÁO CÁO'));
  body.push(
    para(
      t.notDueSummary
        ? `Tổng số đơn vị phải báo cáo: ${t.agencies}; ${t.notDueSummary}. Tỷ lệ đầy đủ số liệu đạt ${fmtPct(t.completeness)}.`
        : `Tổng số đơn vị phải báo cáo: ${t.agencies}; đã gửi báo cáo: ${t.submitted} (đúng hạn ${t.onTime}, trễ hạn ${t.late}); chưa gửi báo cáo: ${t.notSubmitted}. ` +
            `Tỷ lệ đầy đủ số liệu đạt ${fmtPct(t.completeness)}; tỷ lệ đúng hạn đạt ${fmtPct(t.timeliness)}.`,
      { indent: true },
    ),
  );
  if (r.includesDrafts)
    body.push(para('Số liệu tổng hợp có tính cả số liệu các đơn vị đã nhập nhưng chưa gửi báo cáo.', { indent: true, italics: true }));
  body.push(
    dataTable(
      [
        { header: 'STT', weight: 5, align: 'center' },
        { header: 'Đơn vị', weight: 30 },
        { header: 'Tình trạng', weight: 16 },
        { header: 'Thời điểm gửi', weight: 16, align: 'center' },
        { header: 'Số mục đã báo cáo', weight: 12, align: 'center' },
        { header: 'Tỷ lệ đầy đủ', weight: 11, align: 'right' },
      ],
      r.agencies.map((a, i) => [
        i + 1,
        a.name,
        a.timelinessLabel,
        fmtDateTime(a.submittedAt),
        `${a.answered}/${a.expected}`,
        fmtPct(a.completeness),
      ]),
    ),
  );

  body.push(heading('II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU'));
  if (r.figures.length) {
    body.push(
      para(
        'Số liệu tổng hợp từ báo cáo của các đơn vị: chỉ tiêu về số lượng, kinh phí được cộng tổng; chỉ tiêu tỷ lệ tính theo trung bình cộng của các đơn vị (không trọng số).' +
          (r.previousPeriod ? ` Cột "Tăng/giảm" so sánh với ${r.previousPeriod.label}.` : ''),
        { indent: true },
      ),
    );
    body.push(
      dataTable(
        [
          { header: 'STT', weight: 5, align: 'center' },
          { header: 'Chỉ tiêu', weight: 30 },
          { header: 'ĐVT', weight: 9, align: 'center' },
          { header: 'Mục tiêu', weight: 11, align: 'center' },
          { header: 'Kết quả', weight: 12, align: 'right' },
          { header: '% so với mục tiêu', weight: 10, align: 'right' },
          { header: 'Kỳ trước', weight: 11, align: 'right' },
          { header: 'Tăng/giảm', weight: 12, align: 'right' },
        ],
        r.figures.map((f) => [
          f.no,
          `${f.label} (${f.methodLabel}; ${f.answered}/${f.expected} đơn vị)`,
          f.unit,
          f.aggregateTarget !== null ? fmtNum(f.aggregateTarget) : (f.target.text ?? ''),
          fmtNum(f.aggregate),
          fmtPct(f.pctOfTarget),
          f.change ? fmtNum(f.change.previous) : '–',
          fmtChange(f.change, f.unit),
        ]),
      ),
    );
    if (r.flagged.length) {
      body.push(para('Một số số liệu có biến động bất thường so với kỳ trước, đã được đơn vị giải trình:', { indent: true, before: 120 }));
      const MAX_FLAGGED = 30;
      for (const f of r.flagged.slice(0, MAX_FLAGGED)) {
        body.push(
          para(
            `- ${f.agencyName}, chỉ tiêu "${f.label}": ${fmtValue(f.value, f.unit)} (${f.reason})${f.note ? `; giải trình: ${f.note.replace(/^\s*giải trình\s*:\s*/i, '')}` : '; chưa có giải trình'}.`,
            { indent: true },
          ),
        );
      }
      if (r.flagged.length > MAX_FLAGGED) {
        body.push(
          para(`- Và ${r.flagged.length - MAX_FLAGGED} trường hợp khác (chi tiết tại bảng tính kèm theo, trang "Theo đơn vị").`, {
            indent: true,
          }),
        );
      }
    }
  } else body.push(para('Kỳ này không có chỉ tiêu số liệu.', { indent: true }));

  body.push(heading('III. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ'));
  if (r.tasks.length) {
    body.push(
      dataTable(
        [
          { header: 'STT', weight: 5, align: 'center' },
          { header: 'Nhiệm vụ', weight: 35 },
          { header: 'Hoàn thành', weight: 11, align: 'center' },
          { header: 'Đang triển khai', weight: 11, align: 'center' },
          { header: 'Chưa triển khai', weight: 11, align: 'center' },
          { header: 'Chưa báo cáo', weight: 11, align: 'center' },
          { header: '% khối lượng', weight: 11, align: 'right' },
        ],
        r.tasks.map((x) => [
          x.no,
          x.label,
          x.counts.hoan_thanh,
          x.counts.dang_trien_khai,
          x.counts.chua_trien_khai,
          x.counts.none,
          x.pctDone === null ? '–' : `${fmtNum(x.pctDone, 1)}%`,
        ]),
      ),
    );
    for (const x of r.tasks) {
      const notes = x.statuses.filter((s) => s.note).map((s) => `${s.agencyName} (${s.statusLabel.toLowerCase()}): ${s.note}`);
      if (notes.length) body.push(para(`- ${x.label}: ${notes.join('; ')}.`, { indent: true, before: 80 }));
    }
  } else body.push(para('Kỳ này không có nhiệm vụ phải báo cáo.', { indent: true }));

  body.push(heading('IV. ĐỀ XUẤT, KIẾN NGHỊ'));
  for (const p of meta.proposals ?? proposalsOf(r)) body.push(para(`- ${p}`, { indent: true }));
  return body;
}

export async function renderDocx(r: ConsolidatedReport, meta: DocxMeta = {}): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    headerBlock(r, meta),
    centered('', { size: SIZE_14 }),
    centered('BÁO CÁO', { bold: true, size: SIZE_14 }),
    centered(reportTitle(r), { bold: true, size: SIZE_14 }),
    shortRule(2200, TEXT_WIDTH),
    ...docxBody(r, meta),
    signatureBlock(r, meta),
  ];
  const doc = new Document({
    creator: 'Trợ lý văn bản chỉ đạo',
    title: `Báo cáo ${reportTitle(r)}`,
    styles: { default: { document: { run: { font: FONT, size: SIZE_14 } } } },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1701, right: 850 } } },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
