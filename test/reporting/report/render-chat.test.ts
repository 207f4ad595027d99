import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDb, type TempDb } from '../../helpers/db.ts';
import { buildConsolidatedReport } from '../../../src/reporting/report/build.ts';
import {
  CHAT_LIMIT,
  renderChatSummary,
  renderItemDetail,
  renderMarkdown,
  renderReport,
  reportTitle,
} from '../../../src/reporting/report/render/index.ts';
import { AppError, ErrorCode } from '../../../src/core/errors.ts';
import type { ConsolidatedReport } from '../../../src/reporting/report/types.ts';
import { seedLarge } from './seed.ts';
import { smallReport } from './small-report.ts';

let t: TempDb;
let r: ConsolidatedReport;

beforeAll(async () => {
  ({ t, r } = await smallReport());
});
afterAll(async () => t.close());

describe('renderChatSummary', () => {
  it('summarises submissions, items with method and target, outliers, and hints at details', () => {
    const s = renderChatSummary(r);
    expect(s).toContain('BÁO CÁO TỔNG HỢP QUÝ IV/2026');
    expect(s).toContain('Nộp báo cáo: 3/4 đơn vị (đúng hạn 2, trễ 1, chưa nộp 1)');
    expect(s).toContain('Đầy đủ số liệu: 75% · Đúng hạn: 50%');
    expect(s).toContain('Trễ hạn: UBND huyện Cái Nước (3 ngày)');
    expect(s).toContain('Chưa nộp: UBND huyện Năm Căn');
    expect(s).toContain('1. Tỷ lệ hồ sơ giải quyết trực tuyến: 90% (TB cộng) — đạt 100% MT 90%; kỳ trước 65%, +25 điểm %');
    expect(s).toContain('2. Số điểm Wi-Fi công cộng: 29 điểm (tổng) — đạt 72,5% MT 40 điểm');
    expect(s).toContain('4. Triển khai nền tảng họp trực tuyến: 1/4 hoàn thành, 1 đang triển khai, 1 chưa triển khai, 1 chưa báo cáo');
    expect(s).toContain('UBND huyện Cái Nước: 20 điểm (gấp 5 lần kỳ trước)');
    expect(s).toContain("Gõ 'chi tiết <n>'");
    expect(s.length).toBeLessThan(CHAT_LIMIT);
  });

  it('shows each agency for "chi tiết <n>" and answers politely for a missing item', () => {
    const d = renderItemDetail(r, 2);
    expect(d).toContain('Tổng hợp (tổng cộng): 29 điểm, đạt 72,5% mục tiêu');
    expect(d).toContain('• UBND huyện Cái Nước: 20 điểm (200% MT), kỳ trước 4 điểm ⚠️ — Giải trình: lắp thêm 16 điểm');
    expect(d).toContain('• UBND huyện Năm Căn: chưa báo cáo');
    expect(renderItemDetail(r, 3)).toContain('• UBND huyện Cái Nước: bỏ qua');
    expect(renderItemDetail(r, 4)).toContain('• UBND huyện Cái Nước: Đang triển khai (60%) — Đang lắp đặt thiết bị');
    expect(renderItemDetail(r, 9)).toBe("Không có mục số 9. Hãy gõ 'chi tiết <n>' với n từ 1 đến 4.");
  });

  it('stays within one Telegram message for 100 agencies × 50 items', async () => {
    const big = await tempDb();
    try {
      const { regimeCode } = await seedLarge(big.db, 100, 50);
      const br = await buildConsolidatedReport(big.db, { regime: regimeCode, period: '2026-Q4', now: new Date('2027-01-20T00:00:00Z') });
      expect(br.agencies).toHaveLength(100);
      expect(br.figures.length + br.tasks.length).toBe(50);
      const s = renderChatSummary(br);
      expect(s.length).toBeLessThanOrEqual(CHAT_LIMIT);
      expect(s).toContain('Nộp báo cáo: 90/100 đơn vị');
      expect(s).toMatch(/Chưa nộp: .* và \d+ đơn vị khác/);
      expect(s).toContain('chỉ tiêu đạt thấp nhất so với mục tiêu');
      expect(s).toContain("Gõ 'chi tiết <n>' (n từ 1 đến 50)");
      const d = renderItemDetail(br, 1);
      expect(d.length).toBeLessThanOrEqual(CHAT_LIMIT);
      expect(d).toMatch(/… và \d+ đơn vị khác \(xem tệp Excel/);
    } finally {
      await big.close();
    }
  });
});

describe('renderMarkdown and renderReport', () => {
  it('writes the sections and per-agency tables in Markdown', () => {
    const md = renderMarkdown(r);
    expect(md).toContain('# Báo cáo kết quả thực hiện Kế hoạch chuyển đổi số năm 2026 quý IV/2026');
    expect(md).toContain('| 2 | UBND huyện Cái Nước | Trễ hạn 3 ngày | 09:00 13/01/2027 | 3/4 | 75% |');
    expect(md).toContain('| 2 | Số điểm Wi-Fi công cộng | điểm | 10 điểm | 29 điểm | tổng cộng | 72,5% | 12 điểm | +17 (+141,7%) |');
    expect(md).toContain('| UBND huyện Cái Nước | 20 điểm ⚠️ | 200% | 4 điểm | Giải trình: lắp thêm 16 điểm từ dự án xã hội hóa |');
    expect(md).toContain('## III. Tình hình thực hiện nhiệm vụ');
    expect(md).toContain('## Số liệu bất thường');
  });

  it('names files in ASCII with the regime and period and picks the MIME type', async () => {
    const x = await renderReport(r, 'xlsx');
    expect(x.name).toBe('Bao-cao-tong-hop_KH-CDS-2026_quy-IV-2026.xlsx');
    expect(x.mime).toContain('spreadsheetml');
    expect(x.data.subarray(0, 2).toString()).toBe('PK');
    const c = await renderReport(r, 'csv');
    expect(c.name.endsWith('.csv')).toBe(true);
    const p = await renderReport(r, 'png', { item: 2 });
    expect(p.name).toBe('Bieu-do-muc-2_KH-CDS-2026_quy-IV-2026.png');
    expect(p.mime).toBe('image/png');
    const m = await renderReport(r, 'md');
    expect(m.data.toString('utf8')).toContain('## I. Tình hình nộp báo cáo');
    const e = await renderReport(r, 'pdf').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe(ErrorCode.InvalidInput);
    expect((e as AppError).userMessage).toContain('Định dạng "pdf" không được hỗ trợ');
  });
});

describe('reportTitle', () => {
  it('does not repeat "thực hiện" when the regime is already named as a progress report', () => {
    expect(reportTitle(r)).toBe('Kết quả thực hiện Kế hoạch chuyển đổi số năm 2026 quý IV/2026');
    const progress = { ...r, regime: { ...r.regime, name: 'Báo cáo tiến độ thực hiện Kế hoạch 37/KH-STTTT' } };
    expect(reportTitle(progress)).toBe('Kết quả thực hiện Kế hoạch 37/KH-STTTT quý IV/2026');
  });
});

describe('an empty period', () => {
  it('renders every format without crashing and says there is nothing to chart', async () => {
    const e = await tempDb();
    try {
      const regime = await e.db.regime.create({ data: { code: 'TRONG', name: 'Kế hoạch mới', frequency: 'quarter' } });
      await e.db.period.create({
        data: {
          regimeId: regime.id,
          key: '2027-Q1',
          startsAt: new Date('2027-01-01'),
          endsAt: new Date('2027-03-31'),
          deadline: new Date('2027-04-10'),
          locksAt: new Date('2027-05-10'),
        },
      });
      const er = await buildConsolidatedReport(e.db, { regime: 'TRONG', period: '2027-Q1', now: new Date('2027-04-20') });
      expect(er.totals).toMatchObject({ agencies: 0, submitted: 0, completeness: 0 });
      expect(renderChatSummary(er)).toContain('Nộp báo cáo: 0/0 đơn vị');
      for (const f of ['xlsx', 'csv', 'docx', 'md'] as const) expect((await renderReport(er, f)).data.length).toBeGreaterThan(0);
      const err = await renderReport(er, 'png').catch((x: unknown) => x);
      expect((err as AppError).userMessage).toBe('Báo cáo chưa có chỉ tiêu nào để vẽ biểu đồ.');
    } finally {
      await e.close();
    }
  });
});
