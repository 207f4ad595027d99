// The trend of the reporting rate counts, for each past period, the agencies expected in THAT period: an agency
// added to the regime later lowers neither last quarter's rate nor the ones before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPeriod } from '../../src/reporting/period-service.ts';
import { saveRegime } from '../../src/reporting/regimes.ts';
import { userById } from '../../src/users/users.ts';
import { dashboardLoginLink } from '../../src/web/dashboard-auth.ts';
import { REGIME20, webFixture, type WebFixture } from './helpers.ts';

let fx: WebFixture;
let coordinator: number;

beforeAll(async () => {
  fx = await webFixture(); // Q3 (Sở TT&TT sent, Sở Tài chính did not) and Q4 of a regime of two agencies
  coordinator = (await fx.app.db.user.create({ data: { name: 'Lê Văn Cường', role: 'coordinator', province: 'Cà Mau' } })).id;
});
afterAll(async () => {
  await fx.close();
});

async function trend(): Promise<{ page: string; svg: string }> {
  const link = dashboardLoginLink(fx.app, (await userById(fx.app.db, coordinator))!, fx.clock.now())!;
  const r = await fx.web.inject({ method: 'GET', url: new URL(link).pathname + new URL(link).search });
  const jar = String(r.headers['set-cookie']).split(';')[0]!;
  const page = (await fx.web.inject({ method: 'GET', url: '/dashboard', headers: { cookie: jar } })).body;
  return { page, svg: /<svg[^>]*aria-label="Tỷ lệ báo cáo qua các kỳ"[\s\S]*?<\/svg>/.exec(page)?.[0] ?? '' };
}

describe('trend of the reporting rate over periods', () => {
  it('a third agency added in Q4 counts in Q4 (still open) but not in Q3 (closed): Q3 stays 1 of 2', async () => {
    expect((await trend()).svg).toContain('<title>quý III/2026: 50%</title>');
    await saveRegime(fx.app, {
      ...REGIME20,
      agencies: [
        ...REGIME20.agencies,
        { agency: 'Sở Kế hoạch và Đầu tư', items: [{ label: 'Số dự án đầu tư công', kind: 'figure', valueKind: 'count' }] },
      ],
    });
    const { page, svg } = await trend();
    expect(page).toContain('3 cơ quan phải báo cáo'); // the open quarter asks the new list
    expect(svg).toContain('<title>quý III/2026: 50%</title>'); // not 1 of 3 (33%)
    expect(svg).toContain('<title>quý IV/2026: 0%</title>');
  });

  it('a quarter opened after the change asks the new list', async () => {
    await openPeriod(fx.app, REGIME20.code, '2027-Q1');
    const q1 = await fx.app.db.period.findFirstOrThrow({ where: { key: '2027-Q1' } });
    expect((JSON.parse(q1.expectedAgencies!) as number[]).length).toBe(3);
    const q3 = await fx.app.db.period.findFirstOrThrow({ where: { key: '2026-Q3' } });
    expect((JSON.parse(q3.expectedAgencies!) as number[]).length).toBe(2);
  });
});
