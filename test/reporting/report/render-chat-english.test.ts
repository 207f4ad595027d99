// The consolidated report's chat summary and "chi tiết <n>" in English: the same figures as in Vietnamese, English
// framing, names and labels as written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TempDb } from '../../helpers/db.ts';
import { renderChatSummary, renderItemDetail } from '../../../src/reporting/report/render/index.ts';
import type { ConsolidatedReport } from '../../../src/reporting/report/types.ts';
import { smallReport } from './small-report.ts';

let t: TempDb;
let r: ConsolidatedReport;

beforeAll(async () => {
  ({ t, r } = await smallReport());
});
afterAll(async () => t.close());

/** Vietnamese framing the English renderings must not carry (labels and names of the seed are written without them). */
const VIETNAMESE =
  /Nộp báo cáo|Đầy đủ|Trễ hạn|Chưa nộp|kỳ trước|Hạn nộp|hoàn thành|đang triển khai|chưa báo cáo|Tổng hợp|Mục tiêu|Gõ |đạt | MT |đơn vị khác|chưa gửi|bỏ qua/;

describe('the chat summary in English', () => {
  it("gives the Vietnamese summary's figures with English words", () => {
    const s = renderChatSummary(r, { locale: 'en' });
    expect(s).toContain('📊 CONSOLIDATED REPORT, Q4 2026');
    expect(s).toContain('I. Reports: 3/4 agencies (2 on time, 1 late, 1 not sent)');
    expect(s).toContain('Figures complete: 75% · On time: 50%');
    expect(s).toContain('• Late: UBND huyện Cái Nước (3 days)');
    expect(s).toContain('• Not sent: UBND huyện Năm Căn');
    expect(s).toContain('1. Tỷ lệ hồ sơ giải quyết trực tuyến: 90% (mean) — 100% of target 90%; last period 65%, +25 points');
    expect(s).toContain('2. Số điểm Wi-Fi công cộng: 29 điểm (total) — 72,5% of target 40 điểm');
    expect(s).toContain('4. Triển khai nền tảng họp trực tuyến: 1/4 completed, 1 in progress, 1 not started, 1 not reported');
    expect(s).toContain('UBND huyện Cái Nước: 20 điểm (5 times last period)');
    expect(s).toContain("Type 'detail <n>' (n from 1 to 4)");
    expect(s).not.toMatch(VIETNAMESE);
    // the same lines, in the same order, as the Vietnamese summary
    expect(s.split('\n').length).toBe(renderChatSummary(r).split('\n').length);
  });

  it('answers "detail <n>" per agency, and a missing item politely', () => {
    const d = renderItemDetail(r, 2, { locale: 'en' });
    expect(d).toContain('2. Số điểm Wi-Fi công cộng (điểm) — Q4 2026');
    expect(d).toContain('Consolidated (total): 29 điểm, 72,5% of target');
    expect(d).toContain('• UBND huyện Cái Nước: 20 điểm (200% of target), last period 4 điểm ⚠️ — Giải trình: lắp thêm 16 điểm');
    expect(d).toContain('• UBND huyện Năm Căn: not reported');
    expect(renderItemDetail(r, 3, { locale: 'en' })).toContain('• UBND huyện Cái Nước: skipped');
    const task = renderItemDetail(r, 4, { locale: 'en' });
    expect(task).toContain('Progress: 1/4 completed, 1 in progress, 1 not started, 1 not reported');
    expect(task).toContain('• UBND huyện Cái Nước: In progress (60%) — Đang lắp đặt thiết bị');
    for (const n of [1, 2, 3, 4]) expect(renderItemDetail(r, n, { locale: 'en' }).replace(/ — .*$/gm, '')).not.toMatch(VIETNAMESE);
    expect(renderItemDetail(r, 9, { locale: 'en' })).toBe("There is no item 9. Type 'detail <n>' with n from 1 to 4.");
  });
});

describe('"chi tiết <n>" of a task whose label holds a colon', () => {
  it('says its progress after "Tình hình:", not the rest of its label', () => {
    const colon = { ...r, tasks: r.tasks.map((x) => ({ ...x, label: 'Nhiệm vụ số 1: triển khai nền tảng họp trực tuyến' })) };
    const d = renderItemDetail(colon, 4).split('\n');
    expect(d[0]).toBe('4. Nhiệm vụ số 1: triển khai nền tảng họp trực tuyến — quý IV/2026');
    expect(d[1]).toBe('Tình hình: 1/4 hoàn thành, 1 đang triển khai, 1 chưa triển khai, 1 chưa báo cáo (TB 53%)');
  });
});
