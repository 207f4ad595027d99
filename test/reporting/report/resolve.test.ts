import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDb, type TempDb } from '../../helpers/db.ts';
import { periodSuffix, resolveReportRef } from '../../../src/reporting/report/resolve.ts';
import { AppError, ErrorCode } from '../../../src/core/errors.ts';
import { consolidatedReportForChat } from '../../../src/reporting/report/index.ts';
import { REGIME_CODE, seedSmall } from './seed.ts';

let t: TempDb;
beforeAll(async () => {
  t = await tempDb();
  await seedSmall(t.db);
});
afterAll(async () => t.close());

describe('resolveReportRef', () => {
  it('reads periods written without a year', () => {
    expect(periodSuffix('quý 4')).toBe('-Q4');
    expect(periodSuffix('Quý IV')).toBe('-Q4');
    expect(periodSuffix('q3')).toBe('-Q3');
    expect(periodSuffix('tháng 11')).toBe('-11');
    expect(periodSuffix('6 tháng đầu năm')).toBe('-H1');
    expect(periodSuffix('quý 5')).toBeNull();
  });

  it('uses the only regime and the latest matching period', async () => {
    const now = new Date('2027-01-20T00:00:00Z');
    expect(await resolveReportRef(t.db, { period: 'quý 4', now })).toMatchObject({ regimeCode: REGIME_CODE, periodKey: '2026-Q4' });
    expect(await resolveReportRef(t.db, { period: 'quý III', now })).toMatchObject({ periodKey: '2026-Q3' });
    expect(await resolveReportRef(t.db, { regime: REGIME_CODE, period: 'Q4/2026', now })).toMatchObject({ periodKey: '2026-Q4' });
  });

  it('without a period takes the latest ended one (the current one while none has ended)', async () => {
    expect((await resolveReportRef(t.db, { now: new Date('2027-01-20T00:00:00Z') })).periodKey).toBe('2026-Q4');
    expect((await resolveReportRef(t.db, { now: new Date('2026-11-15T00:00:00Z') })).periodKey).toBe('2026-Q3');
    expect((await resolveReportRef(t.db, { now: new Date('2026-08-01T00:00:00Z') })).periodKey).toBe('2026-Q3');
  });

  it('answers "báo cáo tổng hợp quý 4" with the summary and the XLSX and DOCX files', async () => {
    const r = await consolidatedReportForChat(t.db, { period: 'quý 4', now: new Date('2027-01-20T00:00:00Z') });
    expect(r.report.period.key).toBe('2026-Q4');
    expect(r.text).toContain('BÁO CÁO TỔNG HỢP QUÝ IV/2026');
    expect(r.files.map((f) => f.name)).toEqual([
      'Bao-cao-tong-hop_KH-CDS-2026_quy-IV-2026.xlsx',
      'Bao-cao-tong-hop_KH-CDS-2026_quy-IV-2026.docx',
    ]);
    expect(r.files.every((f) => f.data.subarray(0, 2).toString() === 'PK')).toBe(true);
  });

  it('asks which regime when several are active, and lists periods when one is unknown', async () => {
    const e1 = await resolveReportRef(t.db, { period: 'quý 1' }).catch((x: unknown) => x);
    expect((e1 as AppError).code).toBe(ErrorCode.NotFound);
    expect((e1 as AppError).userMessage).toBe(`Chế độ báo cáo "${REGIME_CODE}" không có kỳ "quý 1". Các kỳ hiện có: 2026-Q3, 2026-Q4.`);
    await t.db.regime.create({ data: { code: 'CT-17', name: 'Chỉ thị 17 về an toàn thông tin', frequency: 'half-year' } });
    const e2 = await resolveReportRef(t.db, { period: 'quý 4' }).catch((x: unknown) => x);
    expect(e2).toBeInstanceOf(AppError);
    expect((e2 as AppError).userMessage).toContain('Có 2 chế độ báo cáo: KH-CDS-2026 (Kế hoạch chuyển đổi số năm 2026); CT-17');
    const e3 = await resolveReportRef(t.db, { regime: 'CT-17' }).catch((x: unknown) => x);
    expect((e3 as AppError).userMessage).toBe('Chế độ báo cáo "CT-17" chưa mở kỳ báo cáo nào.');
  });
});
