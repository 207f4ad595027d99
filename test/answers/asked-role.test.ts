// An owner question asking for a role the plan gives one agency ("cơ quan đầu mối") is answered by the task naming
// that role, though a commune task shares more of the plan's title with the question; "chợ đầu mối" (a wholesale
// market) is no role. A question's year keeps every passage of a plan whose title is about that year ("giai đoạn
// 2026 - 2030" holds 2027). Over a made-up plan (test/answers/fixtures), not a real text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import { seeded, type Seeded } from './setup.ts';

const PLAN = 'test/answers/fixtures/son-la-2025-ke-hoach-xuat-khau-dau-moi.txt';
let s: Seeded;
beforeAll(async () => {
  s = await seeded([PLAN], { clock: new ManualClock(new Date('2026-12-01T03:00:00Z')) });
}, 60_000);
afterAll(async () => s.close());

describe('the role asked', () => {
  it('"cơ quan đầu mối" gets the agency the plan calls its focal point', async () => {
    const r = await s.answerer.answer('Sở nào là cơ quan đầu mối thực hiện Kế hoạch xuất khẩu nông sản tỉnh Sơn La giai đoạn 2026-2030?');
    expect(r.intent).toBe('owner');
    expect(r.answers[0]!.agency).toBe('Sở Công Thương');
    expect(r.answers[0]!.text).toMatch(/^Là cơ quan đầu mối/);
  });

  it('without the role, the task sharing the most words stays first; "chợ đầu mối" asks for no role', async () => {
    const r = await s.answerer.answer('ai xây dựng kế hoạch xuất khẩu nông sản của xã phường giai đoạn 2026-2030 ở Sơn La');
    expect(r.answers[0]!.text).toMatch(/^Nghiên cứu xây dựng kế hoạch xuất khẩu/);
    const market = await s.answerer.answer('ai quy hoạch chợ đầu mối nông sản ở Sơn La');
    expect(market.answers[0]!.text).toMatch(/chợ đầu mối/);
  });

  it('a year inside the plan’s period keeps its tasks that do not write the year', async () => {
    // the commune task writes "2026 – 2030": without the title's period it would be the only passage kept
    const r = await s.answerer.answer('ai cấp mã số vùng trồng cho nông sản xuất khẩu giai đoạn 2026-2030 ở Sơn La');
    expect(r.answers[0]!.agency).toBe('Sở Nông nghiệp và Môi trường');
  });
});
