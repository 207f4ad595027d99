// Nothing is answered with nothing when passages with the question's words exist: a province the question names
// that holds no such text is set aside, saying so; an agency no task names gets the passages naming it. Over a
// made-up plan (test/answers/fixtures), not a real text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import { seeded, type Seeded } from './setup.ts';

const PLAN = 'test/answers/fixtures/ca-mau-2026-ke-hoach-rung-ngap-man.txt';
let s: Seeded;
beforeAll(async () => {
  s = await seeded([PLAN], { clock: new ManualClock(new Date('2026-12-01T03:00:00Z')) });
}, 60_000);
afterAll(async () => s.close());

describe('a condition read from the question that leaves nothing', () => {
  it('is set aside and said so: the province', async () => {
    const r = await s.answerer.answer('ai chủ trì tổ chức trồng rừng ngập mặn ven biển ở Cần Thơ');
    expect(r.reply.split('\n')[0]).toBe('Không có kết quả đúng điều kiện (ở Cần Thơ); kết quả khi bỏ điều kiện đó:');
    expect(r.answers[0]!.document.number).toBe('912/KH-UBND');
  });

  it('is kept when set by command (a filter is the asker’s requirement)', async () => {
    const r = await s.answerer.answer('ai chủ trì tổ chức trồng rừng ngập mặn ven biển', { filters: { province: 'Cần Thơ' } });
    expect(r.answers.every((a) => a.document.province === 'Cần Thơ')).toBe(true);
    expect(r.reply).not.toMatch(/bỏ điều kiện/);
  });
});

describe('an agency no task names', () => {
  it('gets the passages that name it, said to be that, rather than nothing', async () => {
    const r = await s.answerer.answer('Bộ Quốc phòng được giao những nhiệm vụ gì tại kế hoạch 912?');
    expect(r.intent).toBe('agency_tasks');
    expect(r.reply.split('\n')[0]).toMatch(/^Không tìm thấy nhiệm vụ nào ghi rõ giao cho Bộ Quốc phòng; các đoạn văn bản/);
    expect(r.answers[0]!.text).toMatch(/Kiến nghị Bộ Quốc phòng/);
  });
});

describe('a heading with no text of its own', () => {
  it('is answered with what is under it, not the heading alone', async () => {
    const r = await s.answerer.answer('kiểm tra rừng ngập mặn đột xuất');
    expect(r.answers[0]!.text).toMatch(/^KIỂM TRA RỪNG NGẬP MẶN ĐỘT XUẤT — /);
    expect(r.answers[0]!.text).toContain('Khi có sạt lở bờ biển');
  });
});
