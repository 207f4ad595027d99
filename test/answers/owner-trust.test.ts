// Owner answers an official can trust: the action asked about, a named lead before a task addressed to everyone,
// the close alternatives, the predecessor agency's successor, and replies worded as a careful reader would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seeded, type Seeded } from './setup.ts';

let s: Seeded;
beforeAll(async () => {
  s = await seeded();
}, 60_000);
afterAll(async () => s.close());

const ask = (q: string) => s.answerer.answer(q);

describe('the action asked about outweighs topic words', () => {
  it.each(['ai phu trach cong bo quy hoach tttt can tho', 'Ai chủ trì công bố quy hoạch phát triển thông tin và truyền thông Cần Thơ?'])(
    '%s → Sở TT&TT, the task that "công bố quy hoạch", not a 2007 planning task sharing the topic words',
    async (q) => {
      const r = await ask(q);
      expect(r.answers[0]!.agency).toBe('Sở Thông tin và Truyền thông');
      expect(r.answers[0]!.document.number).toBe('3933/QĐ-UBND');
      expect(r.answers[0]!.section).toBe('Điều 2.1.a');
      expect(r.reply.split('\n')[0]).toMatch(/^Sở Thông tin và Truyền thông chủ trì/);
    },
  );
});

describe('a named lead before a task addressed to everyone', () => {
  it('"ai chu tri cong tac dao tao cntt o quang ngai" names an agency, not "các cơ quan, đơn vị"', async () => {
    const r = await ask('ai chu tri cong tac dao tao cntt o quang ngai');
    expect(r.answers[0]!.agency).not.toBeNull();
    expect(r.reply).not.toMatch(/^Văn bản không nêu cơ quan cụ thể/);
  });
});
