// Reply text: the answer first, then the quote and the citation. Short Vietnamese, safe for every channel.
import type { DocInfo } from '../search/entries.ts';

export const PAGE_SIZE = 5;

export function docLabel(d: Pick<DocInfo, 'type' | 'number' | 'title'>): string {
  return d.number ? `${d.type} ${d.number}` : d.title;
}

/** "— Chỉ thị 17/CT-UBND, Quảng Ngãi, mục 5.a" */
export function citation(d: Pick<DocInfo, 'type' | 'number' | 'title' | 'province'>, section: string): string {
  const parts = [docLabel(d)];
  if (d.province) parts.push(d.province);
  if (section) parts.push(`mục ${section}`);
  return `— ${parts.join(', ')}`;
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
