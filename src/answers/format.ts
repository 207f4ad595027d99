// Reply text: the answer first, then the quote and the citation. Short Vietnamese, safe for every channel.
import type { DocInfo } from '../search/entries.ts';

export const PAGE_SIZE = 5;

type Labelled = Pick<DocInfo, 'type' | 'number' | 'title'> & Partial<Pick<DocInfo, 'issuer' | 'province' | 'issuedWith' | 'scanned'>>;

/** Said after every citation from a document read by OCR. */
export const SCAN_MARK = 'trích từ bản quét, có thể sai chính tả';

/** Long names shortened the way officials write them in a citation. */
const SHORT: [RegExp, string][] = [
  [/\bỦy ban nhân dân\b/giu, 'UBND'],
  [/\bcông nghệ thông tin\b/giu, 'CNTT'],
];

/**
 * "Chỉ thị 17/CT-UBND"; a document without a number by its type, issuer and subject, short:
 * "Chỉ thị (không số) của UBND thành phố Cần Thơ về đẩy mạnh ứng dụng và phát triển CNTT giai đoạn 2007 - 2010".
 */
export function docLabel(d: Labelled): string {
  if (d.number) return `${d.type} ${d.number}`;
  // "Quy chế ban hành kèm theo Quyết định 95/2025/QĐ-UBND": the decision that issued it names it best.
  if (d.issuedWith) return `${d.type} ban hành kèm theo ${d.issuedWith.type} ${d.issuedWith.number}`;
  let subject = d.title
    .replace(/^\s*(về việc|về)\s+/iu, '')
    .replace(/\s+trên địa bàn (tỉnh|thành phố) [^,;]+?(?=\s+(giai đoạn|năm|đến)\b|$)/iu, '')
    .trim();
  for (const [re, short] of SHORT) subject = subject.replace(re, short);
  const issuer = d.issuer ? ` của ${SHORT.reduce((s, [re, sh]) => s.replace(re, sh), d.issuer)}` : '';
  return `${d.type} (không số)${issuer}${subject ? ` về ${subject}` : ''}`;
}

const SPAN_NAMES: Record<string, string> = { 'Mở đầu': 'phần mở đầu', 'Kết thúc': 'phần cuối văn bản' };

/** "— Chỉ thị 17/CT-UBND, Quảng Ngãi, mục 5.a"; from a PDF also the page: "…, mục II.1, trang 2" */
export function citation(d: Labelled, section: string, page?: number): string {
  const label = docLabel(d);
  const parts = [label];
  // The province once: "… của UBND thành phố Cần Thơ …" already says where.
  if (d.province && !label.includes(d.province)) parts.push(d.province);
  // the text before the first heading and after the last (src/ingest/parse/sections.ts) is no "mục"
  const part = SPAN_NAMES[section];
  if (part) parts.push(part);
  else if (section) parts.push(/^(Điều|Phần|Chương|Mục)(?=\s|$)/u.test(section) ? section : `mục ${section}`);
  if (page) parts.push(`trang ${page}`);
  return `— ${parts.join(', ')}${d.scanned ? ` (${SCAN_MARK})` : ''}`;
}

export function quote(text: string, max = 260): string {
  const t = text.replace(/\s+/g, ' ').trim();
  const cut = t.length > max ? `${t.slice(0, max).replace(/\s+\S*$/, '')} …` : t;
  return `«${cut}»`;
}

export function isoToVn(date: string | null): string | null {
  const m = date?.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : null;
}

export function moreLine(remaining: number): string {
  return remaining > 0 ? `\nCòn ${remaining} kết quả — gõ "thêm" để xem tiếp.` : '';
}

export const HELP_TEXT = [
  'Tôi trả lời câu hỏi về các văn bản chỉ đạo đã nạp, kèm trích dẫn. Ví dụ:',
  '• "Ai chủ trì xây dựng kế hoạch phát triển thương mại điện tử?"',
  '• "Sở TT&TT Cần Thơ phải làm gì?"',
  '• "Mục tiêu tỷ lệ hộ gia đình có máy tính năm 2014 là bao nhiêu?"',
  '• "17/CT-UBND" hoặc "chỉ thị năm 2008 của Quảng Ngãi"',
  '• Tìm chung: "ứng dụng cntt trong giáo dục"',
  'Có thể gõ không dấu, viết tắt (CNTT, TT&TT, UBND…). Nêu tên tỉnh, năm hoặc số văn bản để lọc. Gõ "thêm" để xem tiếp.',
].join('\n');

export const NOT_FOUND_HINT = 'Thử hỏi ngắn gọn hơn, bỏ bớt từ, bỏ tên tỉnh/năm, hoặc gõ "trợ giúp" để xem ví dụ.';
