import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDb, type TempDb } from '../../helpers/db.ts';
import { agencyHistory, renderAgencyHistory } from '../../../src/reporting/report/history.ts';
import { AppError, ErrorCode } from '../../../src/core/errors.ts';
import { renderTrendChartPng } from '../../../src/reporting/report/render/trend-chart.ts';
import { REGIME_CODE, seedSmall, type SmallSeed } from './seed.ts';

let t: TempDb;
let seed: SmallSeed;
const NOW = new Date('2027-01-20T00:00:00Z');

beforeAll(async () => {
  t = await tempDb();
  seed = await seedSmall(t.db);
});
afterAll(async () => t.close());

describe('agencyHistory', () => {
  it('lists the agency periods newest first with timeliness, completeness and values', async () => {
    const h = await agencyHistory(t.db, { agencyId: seed.agencyIds[1]!, now: NOW }); // UBND huyện Cái Nước
    expect(h.agency.name).toBe('UBND huyện Cái Nước');
    expect(h.entries.map((e) => e.periodKey)).toEqual(['2026-Q4', '2026-Q3']);
    const [q4, q3] = h.entries;
    expect(q4).toMatchObject({ timeliness: 'late', daysLate: 3, timelinessLabel: 'Trễ hạn 3 ngày', answered: 3, expected: 4, skipped: 1 });
    expect(q3).toMatchObject({ timeliness: 'on_time', answered: 4, periodStatus: 'locked' });
    expect(q4?.values.find((v) => v.label.startsWith('Số điểm'))).toMatchObject({
      value: 20,
      note: 'Giải trình: lắp thêm 16 điểm từ dự án xã hội hóa',
    });
    expect(q4?.values.find((v) => v.itemKind === 'task_status')).toMatchObject({
      status: 'dang_trien_khai',
      percentDone: 60,
      statusLabel: 'Đang triển khai',
    });
  });

  it('renders periods, latest values and trends in Vietnamese', async () => {
    const text = renderAgencyHistory(await agencyHistory(t.db, { agencyId: seed.agencyIds[1]!, regime: REGIME_CODE, now: NOW }));
    expect(text).toContain('📚 Lịch sử báo cáo — UBND huyện Cái Nước');
    expect(text).toContain('• quý IV/2026: Trễ hạn 3 ngày (gửi 13/01/2027); 3/4 mục, 1 bỏ qua');
    expect(text).toContain('• quý III/2026: Đúng hạn (gửi 05/10/2026); 4/4 mục · đã khóa');
    expect(text).toContain('  - Kinh phí chi cho chuyển đổi số: bỏ qua');
    expect(text).toContain('  - Triển khai nền tảng họp trực tuyến: Đang triển khai (60%)');
    expect(text).toContain('  - Số điểm Wi-Fi công cộng: 4 điểm → 20 điểm');
    expect(text).toContain('  - Tỷ lệ hồ sơ giải quyết trực tuyến: 80% → 90%');
  });

  it('renders the same periods and values in English for a person who chose it', async () => {
    const h = await agencyHistory(t.db, { agencyId: seed.agencyIds[1]!, regime: REGIME_CODE, now: NOW });
    const text = renderAgencyHistory(h, { locale: 'en' });
    expect(text).toContain('📚 Report history — UBND huyện Cái Nước');
    expect(text).toContain('• Q4 2026: Late, 3 days (sent 13/01/2027); 3/4 items, 1 skipped');
    expect(text).toContain('• Q3 2026: On time (sent 05/10/2026); 4/4 items · locked');
    expect(text).toContain('Figures of Q4 2026:');
    expect(text).toContain('  - Kinh phí chi cho chuyển đổi số: skipped');
    expect(text).toContain('  - Triển khai nền tảng họp trực tuyến: In progress (60%)');
    expect(text).toContain('Trend (old → new):');
    expect(text).toContain('  - Số điểm Wi-Fi công cộng: 4 điểm → 20 điểm');
    expect(text).not.toMatch(/Lịch sử|Trễ hạn|Đúng hạn|gửi |mục|bỏ qua|đã khóa|Số liệu quý|Diễn biến|Đang triển khai/);
    const draft = await agencyHistory(t.db, { agencyId: seed.agencyIds[3]!, now: new Date('2027-01-05T00:00:00Z') });
    expect(renderAgencyHistory(draft, { locale: 'en' })).toContain(': Being entered, not sent (still due) (due ');
  });

  it('shows a draft as not sent yet, and says so when the deadline has not passed', async () => {
    const h = await agencyHistory(t.db, { agencyId: seed.agencyIds[3]!, now: new Date('2027-01-05T00:00:00Z') });
    expect(h.entries[0]).toMatchObject({
      state: 'draft',
      timeliness: 'not_submitted',
      timelinessLabel: 'Đang nhập, chưa gửi (còn hạn)',
      answered: 1,
    });
  });

  it('refuses an unknown agency or regime in Vietnamese', async () => {
    const e = await agencyHistory(t.db, { agencyId: 9999 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe(ErrorCode.NotFound);
    expect((e as AppError).userMessage).toContain('Không tìm thấy đơn vị');
    const e2 = await agencyHistory(t.db, { agencyId: seed.agencyIds[0]!, regime: 'KHAC' }).catch((x: unknown) => x);
    expect((e2 as AppError).userMessage).toContain('Không tìm thấy chế độ báo cáo "KHAC"');
  });

  it('says there is nothing yet for an agency without periods', async () => {
    const a = await t.db.agency.create({ data: { key: 'so-moi@ca-mau', baseKey: 'so-moi', name: 'Sở Mới', kind: 'so' } });
    const text = renderAgencyHistory(await agencyHistory(t.db, { agencyId: a.id }));
    expect(text).toBe('📚 Lịch sử báo cáo — Sở Mới\nĐơn vị chưa có kỳ báo cáo nào.');
  });
});

describe('renderTrendChartPng', () => {
  it('draws an agency figure over periods, oldest first, with its target', async () => {
    const h = await agencyHistory(t.db, { agencyId: seed.agencyIds[1]!, now: NOW });
    const { png, svg } = await renderTrendChartPng(h, 1);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThan(400);
    const q3 = svg.indexOf('>quý III/2026<');
    const q4 = svg.indexOf('>quý IV/2026<');
    expect(q3).toBeGreaterThan(0);
    expect(q4).toBeGreaterThan(q3);
    expect(svg).toContain('>80<');
    expect(svg).toContain('>90<');
    expect(svg).toContain('Mục tiêu: 90%');
    expect(svg).toContain('UBND huyện Cái Nước · diễn biến qua các kỳ báo cáo');
    // One line through two points.
    expect(svg.match(/class="mark-line role-mark/g)).toHaveLength(1);
    const points = /<g class="mark-symbol role-mark[^"]*"[^>]*>([\s\S]*?)<\/g>/.exec(svg)?.[1] ?? '';
    expect(points.match(/<path /g)).toHaveLength(2);
  });
});
