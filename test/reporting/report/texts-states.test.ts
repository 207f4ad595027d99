import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TempDb } from '../../helpers/db.ts';
import { textSectionOf } from '../../../src/reporting/report/text-items.ts';
import { reportSubject } from '../../../src/reporting/report/format.ts';
import { CSV_HEADERS, renderCsv } from '../../../src/reporting/report/render/csv.ts';
import type { ConsolidatedReport } from '../../../src/reporting/report/types.ts';
import { smallReport } from './small-report.ts';
import { parseCsv } from './parse-csv.ts';
import { agencyHistory, renderAgencyHistory } from '../../../src/reporting/report/history.ts';

let t: TempDb;
let r: ConsolidatedReport;

beforeAll(async () => {
  ({ t, r } = await smallReport({ withTextsAndStates: true }));
});
afterAll(async () => t.close());

describe('free-text items in the consolidated report', () => {
  it('are neither figures nor tasks, and keep each agency answer', () => {
    expect(r.figures.map((f) => f.label)).not.toContain('Khó khăn, vướng mắc');
    expect(r.tasks.map((x) => x.label)).toEqual(['Triển khai nền tảng họp trực tuyến', 'Số hóa hồ sơ lưu trữ']);
    expect(r.texts.map((x) => [x.label, x.section])).toEqual([
      ['Khó khăn, vướng mắc', 'difficulties'],
      ['Nhiệm vụ, giải pháp trong thời gian tới', 'next_steps'],
      ['Kiến nghị, đề xuất', 'proposals'],
      ['Kết quả nổi bật khác', 'results'],
    ]);
    const hard = r.texts[0]!;
    expect(hard.answers.find((a) => a.agencyName === 'Sở Tài chính')?.text).toBe('Thiếu nhân lực chuyên trách công nghệ thông tin.');
    // Năm Căn only saved a draft: hidden unless drafts are included.
    expect(hard.answers.find((a) => a.agencyName === 'UBND huyện Năm Căn')?.text).toBeNull();
    const proposal = r.texts[2]!.answers.find((a) => a.agencyName === 'UBND huyện Cái Nước');
    expect(proposal).toMatchObject({ text: null, state: 'not_applicable', note: 'Đơn vị không có kiến nghị kỳ này' });
  });

  it('classify labels by folded keywords', () => {
    expect(textSectionOf('Những hạn chế, tồn tại')).toBe('difficulties');
    expect(textSectionOf('Phương hướng quý tới')).toBe('next_steps');
    expect(textSectionOf('Kế hoạch thời gian tiếp theo')).toBe('next_steps');
    expect(textSectionOf('Đề nghị với UBND tỉnh')).toBe('proposals');
    expect(textSectionOf('Đánh giá chung')).toBe('results');
  });
});

describe('answer states (chưa có số liệu / không áp dụng)', () => {
  it('are no value and no skip: the aggregate leaves them out, completeness counts the agency as answered', () => {
    const f = r.figures.find((x) => x.label === 'Số hồ sơ được số hóa')!;
    const cn = f.values.find((v) => v.agencyName === 'UBND huyện Cái Nước')!;
    expect(cn).toMatchObject({ value: null, skipped: false, state: 'no_data', note: 'Phần mềm chưa thống kê được' });
    expect(f.values.find((v) => v.agencyName === 'UBND huyện Đầm Dơi')?.state).toBe('not_applicable');
    expect(f.aggregate).toBe(120);
    expect(f.answered).toBe(1);
    expect(f.stated).toBe(2);
    const task = r.tasks.find((x) => x.label === 'Số hóa hồ sơ lưu trữ')!;
    const na = task.statuses.find((s) => s.agencyName === 'UBND huyện Cái Nước')!;
    expect(na).toMatchObject({ status: null, state: 'not_applicable', statusLabel: 'Không áp dụng', skipped: false });
    expect(task.counts).toMatchObject({ hoan_thanh: 1, stated: 1, none: 2 });
    expect(task.pctDone).toBe(100);
    // Đầm Dơi: 4 old items answered (3) + 3 texts (1 answered) + state figure + no task answer.
    const dd = r.agencies.find((a) => a.name === 'UBND huyện Đầm Dơi')!;
    expect(dd.expected).toBe(10);
    expect(dd.answered).toBe(4 + 1 + 1);
  });
});

describe('reportSubject (trích yếu)', () => {
  it('reads grammatically for any regime name', () => {
    const p = 'quý IV/2026';
    expect(reportSubject('Kế hoạch chuyển đổi số năm 2026', p)).toBe('Kết quả thực hiện Kế hoạch chuyển đổi số năm 2026 quý IV/2026');
    expect(reportSubject('Báo cáo tiến độ thực hiện Kế hoạch 37/KH-STTTT', p)).toBe('Kết quả thực hiện Kế hoạch 37/KH-STTTT quý IV/2026');
    expect(reportSubject('Báo cáo quý tình hình ứng dụng công nghệ thông tin', p)).toBe('Kết quả ứng dụng công nghệ thông tin quý IV/2026');
    expect(reportSubject('Tình hình thực hiện Chỉ thị 05/CT-UBND', p)).toBe('Kết quả thực hiện Chỉ thị 05/CT-UBND quý IV/2026');
    expect(reportSubject('Báo cáo định kỳ công tác cải cách hành chính', p)).toBe(
      'Kết quả thực hiện công tác cải cách hành chính quý IV/2026',
    );
    expect(reportSubject('Báo cáo', p)).toBe('Kết quả thực hiện nhiệm vụ quý IV/2026');
    expect(reportSubject('Báo cáo tình hình chuyển đổi số quý IV/2026', p)).toBe('Kết quả chuyển đổi số quý IV/2026');
  });
});

describe('CSV with text items and answer states', () => {
  it('writes text answers as "Ý kiến" rows and states as their label with the reason in Ghi chú', () => {
    const rows = parseCsv(renderCsv(r).subarray(3).toString('utf8'), ';');
    const col = (name: (typeof CSV_HEADERS)[number]) => CSV_HEADERS.indexOf(name);
    const hard = rows.find((x) => x[col('Loại')] === 'Ý kiến' && x[col('Đơn vị báo cáo')] === 'Sở Tài chính');
    expect(hard?.[col('Nội dung')]).toBe('Khó khăn, vướng mắc');
    expect(hard?.[col('Ghi chú')]).toBe('Thiếu nhân lực chuyên trách công nghệ thông tin.');
    expect(hard?.[col('Cách tổng hợp')]).toBe('Khó khăn, vướng mắc');
    const nd = rows.find((x) => x[col('Nội dung')] === 'Số hồ sơ được số hóa' && x[col('Đơn vị báo cáo')] === 'UBND huyện Cái Nước');
    expect(nd?.[col('Trạng thái')]).toBe('Chưa có số liệu');
    expect(nd?.[col('Ghi chú')]).toBe('Phần mềm chưa thống kê được');
    expect(nd?.[col('Giá trị')]).toBe('');
    expect(rows.every((x) => x.length === CSV_HEADERS.length)).toBe(true);
  });
});

describe('agency history with text items and answer states', () => {
  it('shows the state with its reason and the text answer, and never charts a text item as a figure', async () => {
    const cn = await t.db.agency.findFirstOrThrow({ where: { name: 'UBND huyện Cái Nước' } });
    const h = await agencyHistory(t.db, { agencyId: cn.id, now: new Date('2027-01-20T00:00:00Z') });
    const q4 = h.entries[0]!;
    expect(q4.values.find((v) => v.label === 'Khó khăn, vướng mắc')?.itemKind).toBe('text');
    const text = renderAgencyHistory(h);
    expect(text).toContain('Số hồ sơ được số hóa: Chưa có số liệu (Phần mềm chưa thống kê được)');
    expect(text).toContain('Số hóa hồ sơ lưu trữ: Không áp dụng (Không có kho lưu trữ)');
    expect(text).toContain('Khó khăn, vướng mắc: Hạ tầng mạng ở các xã vùng sâu còn yếu.');
  });
});
