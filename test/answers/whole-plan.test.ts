// "Kế hoạch <its title> sở nào chủ trì?" asks who leads the plan as a whole: the agency of the task "Chủ trì tham
// mưu, tổ chức triển khai thực hiện Kế hoạch này", though other tasks repeat the title's words, one of them funding
// "… cho triển khai thực hiện Kế hoạch này" (a share of the plan, not the whole). A question
// about one of the plan's tasks still gets that task. Over a made-up plan (test/answers/fixtures), not a real text.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import { seeded, type Seeded } from './setup.ts';

const PLAN = 'test/answers/fixtures/vinh-long-2025-ke-hoach-truyen-thong-giam-ngheo.txt';
let s: Seeded;
beforeAll(async () => {
  s = await seeded([PLAN], { clock: new ManualClock(new Date('2025-06-01T03:00:00Z')) });
}, 60_000);
afterAll(async () => s.close());

it('the plan named by its title: the agency that leads the plan', async () => {
  const r = await s.answerer.answer('ke hoach truyen thong giam ngheo da chieu vinh long 2025 so nao chu tri?');
  expect(r.intent).toBe('owner');
  expect(r.answers[0]!.agency).toBe('Sở Nông nghiệp và Môi trường');
  expect(r.answers[0]!.text).toMatch(/Kế hoạch này/);
  expect(r.reply).not.toMatch(/chưa chắc|Bạn muốn/);
});

it('one task of the plan: that task', async () => {
  const r = await s.answerer.answer('ai chỉ đạo báo chí tăng cường truyền thông giảm nghèo đa chiều ở Vĩnh Long');
  expect(r.answers[0]!.agency).toBe('Sở Văn hóa, Thể thao và Du lịch');
});
