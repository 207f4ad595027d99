// The frame of the report (Nghị định 30/2020/NĐ-CP, Phụ lục I): the header block (superior and issuing body left,
// Quốc hiệu and Tiêu ngữ right, each on one line), number, place and date, the title with its trích yếu, and the
// closing block (Nơi nhận left, signer right, "KT." for a deputy).
import { AlignmentType, Paragraph, type Table } from 'docx';
import { fold } from '../../../core/text.ts';
import { fmtLongDate } from '../format.ts';
import { SIZE_11, SIZE_12, SIZE_13, SIZE_14, TEXT_WIDTH, centered, fitSize, layoutTable, textWidth, run, shortRule } from './docx-parts.ts';
import type { ConsolidatedReport } from '../types.ts';
import { abbreviationOf } from '../issuer.ts';

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
  /** "Giám đốc"; a deputy ("Phó Giám đốc") signs "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC". */
  signerTitle?: string;
  signerName?: string;
  /** The issuing body's own proposals in section IV; generated from the data when absent. */
  proposals?: string[];
}

/** Width of the left header column, twips; the right one (Quốc hiệu) gets the rest: 5,355 twips ≈ 9,4 cm. */
export const HEADER_LEFT = 4000;
export const QUOC_HIEU = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const TIEU_NGU = 'Độc lập - Tự do - Hạnh phúc';
export const DEFAULT_ISSUER = 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG';

const upper = (s: string) => s.toLocaleUpperCase('vi');

/** The issuing body as the header prints it: given, else the regime plan's issuer of the period, else the default. */
export function issuerOf(meta: DocxMeta, r?: ConsolidatedReport): string {
  return meta.issuingBody ?? (r?.regime.issuingBody ? upper(r.regime.issuingBody) : DEFAULT_ISSUER);
}

export function headerBlock(r: ConsolidatedReport, meta: DocxMeta): Table {
  const province = r.regime.province ?? '…';
  const parent = meta.parentBody ?? `UBND TỈNH ${upper(province)}`;
  const issuer = issuerOf(meta, r);
  const abbr = meta.issuingAbbr ?? (r.regime.issuingBody ? abbreviationOf(r.regime.issuingBody) : 'STTTT');
  const place = meta.place ?? r.regime.province ?? '…';
  const rightWidth = TEXT_WIDTH - HEADER_LEFT;
  // Each line in the largest size (13 or 12 pt, 11 for a long name) that keeps it on one line of its column.
  const parentSize = fitSize(parent, HEADER_LEFT, [SIZE_13, SIZE_12, SIZE_11]);
  const issuerSize = fitSize(issuer, HEADER_LEFT, [SIZE_13, SIZE_12, SIZE_11], true);
  const qhSize = fitSize(QUOC_HIEU, rightWidth, [SIZE_13, SIZE_12], true);
  const tnSize = fitSize(TIEU_NGU, rightWidth, [SIZE_14, SIZE_13], true);
  return layoutTable(
    [
      [
        [centered(parent, { size: parentSize }), centered(issuer, { size: issuerSize, bold: true }), shortRule(1400, HEADER_LEFT)],
        [
          centered(QUOC_HIEU, { size: qhSize, bold: true }),
          centered(TIEU_NGU, { size: tnSize, bold: true }),
          shortRule(Math.round(textWidth(TIEU_NGU, tnSize, true)), rightWidth), // as long as the Tiêu ngữ
        ],
      ],
      [
        [centered(`Số: ${meta.number ?? '…'}/BC-${abbr}`, { size: SIZE_13 })],
        [centered(`${place}, ${fmtLongDate(meta.date ?? r.generatedAt)}`, { size: SIZE_14, italics: true })],
      ],
    ],
    HEADER_LEFT,
  );
}

/** "BÁO CÁO" and the trích yếu under it, with the short rule. */
export function titleBlock(subject: string): Paragraph[] {
  return [
    centered('', { size: SIZE_14 }),
    centered('BÁO CÁO', { bold: true, size: SIZE_14 }),
    centered(subject, { bold: true, size: SIZE_14 }),
    shortRule(2200, TEXT_WIDTH),
  ];
}

/**
 * The signer's lines: "GIÁM ĐỐC"; a deputy ("Phó Giám đốc", or "KT. GIÁM ĐỐC") signs on behalf of the head:
 * "KT. GIÁM ĐỐC" above "PHÓ GIÁM ĐỐC".
 */
export function signerLines(title: string | undefined): string[] {
  const t = upper((title ?? 'GIÁM ĐỐC').trim().replace(/\s+/g, ' '));
  const kt = /^KT\.?\s*(.+)$/.exec(t);
  if (kt) return [`KT. ${kt[1]}`, `PHÓ ${kt[1]}`];
  if (/(^|\s)pho(\s|$)/.test(fold(t))) return [`KT. ${t.replace(/(^|\s)PHÓ\s+/, '$1').trim()}`, t];
  return [t];
}

const bare = (s: string) => fold(s.replace(/\(b\/c\)|\(để b\/c\)/gi, '')).replace(/^(ubnd|uy ban nhan dan)\b/, 'ubnd');

/** Nơi nhận: the regime's receiving body (never the issuing Sở itself), the reporting agencies, "Lưu: VT". */
export function recipientsOf(r: ConsolidatedReport, meta: DocxMeta): string[] {
  const self = bare(issuerOf(meta, r));
  const isSelf = (x: string) => bare(x) === self;
  const fallback = `UBND tỉnh ${r.regime.province ?? ''}`.trim();
  const receiving = r.regime.receivingBody && !isSelf(r.regime.receivingBody) ? r.regime.receivingBody : fallback;
  const list = (meta.recipients ?? [`${receiving} (b/c)`, 'Các đơn vị báo cáo']).filter((x) => !isSelf(x));
  if (!list.some((x) => /^lưu\b/i.test(x.trim()))) list.push('Lưu: VT');
  return list;
}

export function signatureBlock(r: ConsolidatedReport, meta: DocxMeta): Table {
  const recipients = recipientsOf(r, meta);
  const left = [
    new Paragraph({ children: [run('Nơi nhận:', { bold: true, italics: true, size: SIZE_12 })], spacing: { before: 240 } }),
    ...recipients.map(
      (x, i) =>
        new Paragraph({ children: [run(`- ${x}${i === recipients.length - 1 ? '.' : ';'}`, { size: SIZE_11 })], spacing: { after: 0 } }),
    ),
  ];
  const [first, ...rest] = signerLines(meta.signerTitle);
  const right = [
    new Paragraph({
      children: [run(first ?? '', { bold: true, size: SIZE_14 })],
      alignment: AlignmentType.CENTER,
      spacing: { before: 240 },
    }),
    ...rest.map((x) => centered(x, { bold: true, size: SIZE_14 })),
    ...Array.from({ length: 4 }, () => centered('')),
    centered(meta.signerName ?? '', { bold: true }),
  ];
  return layoutTable([[left, right]], HEADER_LEFT);
}
