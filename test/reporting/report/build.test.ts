import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDb, type TempDb } from '../../helpers/db.ts';
import { buildConsolidatedReport } from '../../../src/reporting/report/build.ts';
import { normalizePeriodKey } from '../../../src/reporting/report/load.ts';
import { AppError, ErrorCode } from '../../../src/core/errors.ts';
import type { ConsolidatedReport } from '../../../src/reporting/report/types.ts';
import { REGIME_CODE, seedSmall } from './seed.ts';

let t: TempDb;
let r: ConsolidatedReport;
const NOW = new Date('2027-01-20T00:00:00Z');

beforeAll(async () => {
  t = await tempDb();
  await seedSmall(t.db);
  r = await buildConsolidatedReport(t.db, { regime: REGIME_CODE, period: '2026-Q4', now: NOW });
});
afterAll(async () => t.close());

const figure = (label: string) => {
  const f = r.figures.find((x) => x.label.startsWith(label));
  if (!f) throw new Error(`no row ${label}`);
  return f;
};

describe('buildConsolidatedReport', () => {
  it('names the regime, the period and the one before it', () => {
    expect(r.regime.code).toBe(REGIME_CODE);
    expect(r.period.label).toBe('quý IV/2026');
    expect(r.previousPeriod?.key).toBe('2026-Q3');
    expect(r.figures.map((f) => f.no)).toEqual([1, 2, 3]);
    expect(r.tasks.map((t) => t.no)).toEqual([4]);
  });

  it('averages percentages (plain, stated) and compares with the target and the previous quarter', () => {
    const f = figure('Tỷ lệ hồ sơ');
    expect(f.method).toBe('mean');
    expect(f.methodLabel).toContain('trung bình cộng');
    expect(f.aggregate).toBeCloseTo(90); // (85 + 90 + 95) / 3; the draft's 40 is not counted
    expect(f.aggregateTarget).toBe(90);
    expect(f.pctOfTarget).toBeCloseTo(1);
    expect(f.change?.previous).toBeCloseTo(65); // (70 + 80 + 60 + 50) / 4
    expect(f.change?.abs).toBeCloseTo(25);
    expect(f.answered).toBe(3);
    expect(f.expected).toBe(4);
    const sotc = f.values.find((v) => v.agencyName === 'Sở Tài chính');
    expect(sotc?.value).toBe(85);
    expect(sotc?.pctOfTarget).toBeCloseTo(85 / 90);
    expect(sotc?.change?.abs).toBeCloseTo(15);
  });

  it('sums counts and money; the sum of the agencies targets is the province target', () => {
    const wifi = figure('Số điểm Wi-Fi');
    expect(wifi.method).toBe('sum');
    expect(wifi.aggregate).toBe(29);
    expect(wifi.aggregateTarget).toBe(40);
    expect(wifi.aggregateTargetBasis).toBe('tổng mục tiêu các đơn vị');
    expect(wifi.pctOfTarget).toBeCloseTo(29 / 40);
    expect(wifi.change?.abs).toBe(29 - 12);
    const money = figure('Kinh phí');
    expect(money.aggregate).toBe(200); // 120 + 80; Cái Nước skipped
    expect(money.pctOfTarget).toBeNull();
    const skipped = money.values.find((v) => v.agencyName === 'UBND huyện Cái Nước');
    expect(skipped?.skipped).toBe(true);
    expect(skipped?.value).toBeNull();
  });

  it('flags the outlier with the official explanation', () => {
    expect(r.flagged).toHaveLength(1);
    const [f] = r.flagged;
    expect(f?.agencyName).toBe('UBND huyện Cái Nước');
    expect(f?.value).toBe(20);
    expect(f?.reason).toBe('gấp 5 lần kỳ trước');
    expect(f?.note).toContain('xã hội hóa');
    expect(figure('Số điểm Wi-Fi').values.find((v) => v.outlier)?.outlierNote).toContain('Giải trình');
  });

  it('reports task status per agency with notes and % done', () => {
    const [task] = r.tasks;
    expect(task?.counts).toEqual({ hoan_thanh: 1, dang_trien_khai: 1, chua_trien_khai: 1, none: 1, stated: 0 });
    expect(task?.pctDone).toBeCloseTo((100 + 60 + 0) / 3);
    const cn = task?.statuses.find((s) => s.agencyName === 'UBND huyện Cái Nước');
    expect(cn?.statusLabel).toBe('Đang triển khai');
    expect(cn?.note).toBe('Đang lắp đặt thiết bị');
    expect(task?.statuses.find((s) => s.agencyName === 'UBND huyện Năm Căn')?.statusLabel).toBe('Chưa báo cáo');
  });

  it('computes completeness and timeliness per agency', () => {
    const by = Object.fromEntries(r.agencies.map((a) => [a.name, a]));
    expect(by['Sở Tài chính']).toMatchObject({ timeliness: 'on_time', answered: 4, expected: 4, completeness: 1 });
    expect(by['UBND huyện Cái Nước']).toMatchObject({
      timeliness: 'late',
      daysLate: 3,
      answered: 3,
      skipped: 1,
      timelinessLabel: 'Trễ hạn 3 ngày',
    });
    expect(by['UBND huyện Đầm Dơi']?.timeliness).toBe('on_time');
    expect(by['UBND huyện Năm Căn']).toMatchObject({
      timeliness: 'not_submitted',
      state: 'draft',
      answered: 1,
      timelinessLabel: 'Chưa nộp',
    });
    expect(r.totals).toMatchObject({ agencies: 4, submitted: 3, onTime: 2, late: 1, notSubmitted: 1 });
    expect(r.totals.completeness).toBeCloseTo(12 / 16);
    expect(r.totals.timeliness).toBeCloseTo(0.5);
  });

  it('includes drafts only when asked, marked as such', async () => {
    const d = await buildConsolidatedReport(t.db, { regime: REGIME_CODE, period: 'quý 4/2026', includeDrafts: true, now: NOW });
    const f = d.figures[0]!;
    expect(f.aggregate).toBeCloseTo((85 + 90 + 95 + 40) / 4);
    expect(f.values.find((v) => v.agencyName === 'UBND huyện Năm Căn')?.draft).toBe(true);
  });

  it('finds the regime by id and the period in other spellings', async () => {
    const byId = await buildConsolidatedReport(t.db, { regime: r.regime.id, period: 'Q4/2026', now: NOW });
    expect(byId.period.key).toBe('2026-Q4');
    expect(normalizePeriodKey('quý IV/2026')).toBe('2026-Q4');
    expect(normalizePeriodKey('2026-q4')).toBe('2026-Q4');
    expect(normalizePeriodKey('6 tháng đầu năm 2026')).toBe('2026-H1');
  });

  it('has no previous period for the first quarter', async () => {
    const q3 = await buildConsolidatedReport(t.db, { regime: REGIME_CODE, period: '2026-Q3', now: NOW });
    expect(q3.previousPeriod).toBeNull();
    expect(q3.figures[0]?.change).toBeNull();
    expect(q3.totals.onTime).toBe(4);
  });

  it('refuses an unknown regime or period in Vietnamese, listing what exists', async () => {
    const e1 = await buildConsolidatedReport(t.db, { regime: 'KHONG-CO', period: '2026-Q4' }).catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(AppError);
    expect((e1 as AppError).code).toBe(ErrorCode.NotFound);
    expect((e1 as AppError).userMessage).toContain('Không tìm thấy chế độ báo cáo "KHONG-CO"');
    expect((e1 as AppError).userMessage).toContain(REGIME_CODE);
    const e2 = await buildConsolidatedReport(t.db, { regime: REGIME_CODE, period: '2025-Q1' }).catch((e: unknown) => e);
    expect((e2 as AppError).code).toBe(ErrorCode.NotFound);
    expect((e2 as AppError).userMessage).toContain('không có kỳ "2025-Q1"');
    expect((e2 as AppError).userMessage).toContain('2026-Q3, 2026-Q4');
  });
});
