// A small scripted MessageHandler standing in for the conversation engine in channel tests.
import type { MessageHandler } from '../../../src/core/interfaces.ts';
import type { InboundMessage, OutboundMessage } from '../../../src/core/types.ts';

export const LONG_WORD = 'chỉ-thị';

export function longAnswer(words: number): string {
  return Array.from({ length: words }, (_, i) => `${LONG_WORD}${i}`).join(' ');
}

const figure = { itemId: 'item-1', label: 'Tỷ lệ hộ gia đình có máy tính (%)', kind: 'number' as const, min: 0, max: 100, decimal: true };

export function fakeEngine(): { handler: MessageHandler; seen: InboundMessage[] } {
  const seen: InboundMessage[] = [];
  const handler: MessageHandler = async (msg) => {
    seen.push(msg);
    const t = msg.text.trim();
    const value = msg.formValues?.[figure.itemId] ?? (msg.choice ? undefined : /^\d+([.,]\d+)?$/.test(t) ? t : undefined);
    let out: OutboundMessage[];
    if (t.startsWith('/start')) out = [{ text: `Xin chào ${msg.displayName ?? ''}, mã ${t.slice(7) || '(trống)'} đã được ghi nhận.` }];
    else if (t === '/home')
      // The Home tab contract (see src/channels/slack/home.ts): registration, open periods, a "Báo cáo" button.
      out =
        msg.userId === 'UNEW'
          ? [{ text: 'Bạn chưa đăng ký. Xin mã mời từ quản trị viên rồi gõ "đăng ký <mã>".' }]
          : [
              { text: 'Bạn đã đăng ký: cán bộ Sở TT&TT (Cà Mau).' },
              {
                text: 'Báo cáo quý IV/2026 (BC-CDS): hạn 10/01/2027. Đã trả lời 2/4 câu, chưa gửi.',
                choices: [{ id: 'bao_cao', label: 'Báo cáo' }],
              },
            ];
    else if (msg.choice === 'bao_cao') out = [{ text: 'Báo cáo quý IV/2026. Câu 1/4: Tỷ lệ văn bản trao đổi trên môi trường mạng (%)?' }];
    else if (msg.choice === 'item:1') out = [{ text: 'Nhập tỷ lệ hộ gia đình có máy tính (%):', input: figure }];
    else if (msg.choice === 'skip') out = [{ text: 'Đã bỏ qua chỉ tiêu này.' }];
    else if (t === 'báo cáo')
      out = [
        {
          text: 'Kỳ báo cáo Quý I/2025. Chọn chỉ tiêu:',
          choices: [
            { id: 'item:1', label: 'Tỷ lệ hộ có máy tính' },
            { id: 'skip', label: 'Bỏ qua' },
          ],
        },
      ];
    else if (value !== undefined) {
      const n = Number(value.replace(',', '.'));
      out =
        n > 100
          ? [{ text: 'Giá trị phải từ 0 đến 100 (%). Vui lòng nhập lại.', input: figure }]
          : [{ text: `Đã ghi nhận ${value}%. Cảm ơn anh/chị.` }];
    } else if (t === 'dài') out = [{ text: longAnswer(1500) }];
    else if (t === 'trợ giúp') out = [{ text: 'Hỏi về văn bản chỉ đạo hoặc gõ "báo cáo".' }];
    else if (t.startsWith('hỏi'))
      out = [
        {
          text: 'Sở TT&TT chủ trì <triển khai> chữ ký số.',
          citation: { document: '17/CT-UBND', province: 'Quảng Ngãi', section: 'Điều 2.5.b' },
        },
      ];
    else if (t === 'tệp')
      out = [{ text: 'Báo cáo tổng hợp:', file: { name: 'bao-cao.xlsx', mime: 'application/vnd.ms-excel', data: Buffer.from('x') } }];
    else out = [{ text: `Bạn nói: ${t}` }];
    return out;
  };
  return { handler, seen };
}

export async function until<T>(fn: () => T | undefined | Promise<T | undefined>, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined && v !== null && v !== false) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}
