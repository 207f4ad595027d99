import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TempDb } from '../../helpers/db.ts';
import { renderDocx } from '../../../src/reporting/report/render/docx.ts';
import { renderChartPng } from '../../../src/reporting/report/render/chart.ts';
import { AppError } from '../../../src/core/errors.ts';
import type { ConsolidatedReport } from '../../../src/reporting/report/types.ts';
import { smallReport } from './small-report.ts';
import { docxParagraphs } from './docx-xml.ts';

let t: TempDb;
let r: ConsolidatedReport;

beforeAll(async () => {
  ({ t, r } = await smallReport());
});
afterAll(async () => t.close());

describe('renderDocx', () => {
  it('follows the administrative layout: header block, number, place and date, title, sections, Nơi nhận, signer', async () => {
    const buf = await renderDocx(r, {
      number: '15',
      date: new Date('2027-01-15T03:00:00Z'),
      signerTitle: 'KT. GIÁM ĐỐC',
      signerName: 'Nguyễn Văn A',
      recipients: ['UBND tỉnh (b/c)', 'Các sở, ban, ngành', 'Lưu: VT, CNTT'],
    });
    expect(buf.subarray(0, 2).toString()).toBe('PK');
    const { xml, paras } = await docxParagraphs(buf);
    const at = (s: string) => paras.findIndex((p) => p === s);
    // Header block: issuing body left, national name and motto right, then number and place/date.
    expect(at('UBND TỈNH CÀ MAU')).toBeGreaterThanOrEqual(0);
    expect(at('SỞ THÔNG TIN VÀ TRUYỀN THÔNG')).toBe(at('UBND TỈNH CÀ MAU') + 1);
    expect(at('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toBeGreaterThan(at('SỞ THÔNG TIN VÀ TRUYỀN THÔNG'));
    expect(at('Độc lập - Tự do - Hạnh phúc')).toBe(at('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM') + 1);
    expect(at('Số: 15/BC-STTTT')).toBeGreaterThan(0);
    expect(at('Cà Mau, ngày 15 tháng 01 năm 2027')).toBeGreaterThan(at('Số: 15/BC-STTTT'));
    // Title and sections, in order.
    const title = at('BÁO CÁO');
    expect(paras[title + 1]).toBe('Kết quả thực hiện Kế hoạch chuyển đổi số năm 2026 quý IV/2026');
    const sections = [
      'I. KẾT QUẢ THỰC HIỆN',
      '1. Tình hình gửi báo cáo của các đơn vị',
      '2. Kết quả thực hiện các chỉ tiêu',
      '3. Tình hình thực hiện nhiệm vụ',
      'II. KHÓ KHĂN, VƯỚNG MẮC',
      'III. NHIỆM VỤ, GIẢI PHÁP THỜI GIAN TỚI',
      'IV. KIẾN NGHỊ, ĐỀ XUẤT',
    ].map(at);
    expect(sections.every((i) => i > title)).toBe(true);
    expect([...sections].sort((a, b) => a - b)).toEqual(sections);
    // Section I text and table.
    expect(paras.join('\n')).toContain('Tổng số đơn vị phải báo cáo: 4; đã gửi báo cáo: 3 (đúng hạn 2, trễ hạn 1); chưa gửi báo cáo: 1.');
    expect(at('Trễ hạn 3 ngày')).toBeGreaterThan(sections[0]!);
    // Section II table: aggregates, % of target, change.
    const wifiRow = at('Số điểm Wi-Fi công cộng (tổng cộng; 3/4 đơn vị)');
    expect(paras.slice(wifiRow, wifiRow + 8)).toEqual([
      'Số điểm Wi-Fi công cộng (tổng cộng; 3/4 đơn vị)',
      'điểm',
      '40',
      '29',
      '72,5%',
      '12',
      '+17 (+141,7%)',
      '3',
    ]);
    expect(paras.join('\n')).toContain(
      'UBND huyện Cái Nước, chỉ tiêu "Số điểm Wi-Fi công cộng": 20 điểm (gấp 5 lần kỳ trước); giải trình: lắp thêm 16 điểm từ dự án xã hội hóa.',
    );
    // Section III: counts per status and notes.
    const taskRow = at('Triển khai nền tảng họp trực tuyến');
    expect(paras[taskRow - 1]).toBe('1'); // numbered from 1 in its own table
    expect(paras.slice(taskRow, taskRow + 6)).toEqual(['Triển khai nền tảng họp trực tuyến', '1', '1', '1', '1', '53,3%']);
    expect(paras.join('\n')).toContain('UBND huyện Đầm Dơi (chưa triển khai): Chờ bố trí kinh phí');
    // Section IV proposals generated from the data.
    expect(paras.join('\n')).toContain('Đề nghị các đơn vị chưa gửi báo cáo (UBND huyện Năm Căn)');
    // Nơi nhận and signer after section IV.
    const iv = sections[6]!;
    expect(at('Nơi nhận:')).toBeGreaterThan(iv);
    expect(at('- Lưu: VT, CNTT.')).toBeGreaterThan(at('Nơi nhận:'));
    expect(at('KT. GIÁM ĐỐC')).toBeGreaterThan(iv);
    expect(at('PHÓ GIÁM ĐỐC')).toBe(at('KT. GIÁM ĐỐC') + 1);
    expect(at('Nguyễn Văn A')).toBeGreaterThan(at('KT. GIÁM ĐỐC'));
    // Typography: Times New Roman, 13/14 pt, A4.
    expect(xml).toContain('w:ascii="Times New Roman"');
    expect(xml).toMatch(/<w:sz w:val="28"\/>/);
    expect(xml).toMatch(/<w:sz w:val="26"\/>/);
    expect(xml).toContain('w:w="11906"');
  });

  it('uses sensible defaults when no metadata is given', async () => {
    const { paras } = await docxParagraphs(await renderDocx(r));
    expect(paras).toContain('Số: …/BC-STTTT');
    expect(paras).toContain('GIÁM ĐỐC');
    expect(paras).toContain('- UBND tỉnh Cà Mau (b/c);');
  });
});

describe('renderChartPng', () => {
  it('draws one bar per reporting agency with a target rule, in a PNG of the SVG size', async () => {
    const { png, svg } = await renderChartPng(r, 1);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    const svgW = Number(/<svg[^>]* width="(\d+)"/.exec(svg)?.[1]);
    const svgH = Number(/<svg[^>]* height="(\d+)"/.exec(svg)?.[1]);
    expect(width).toBe(Math.round(svgW * 1.5));
    expect(height).toBe(Math.round(svgH * 1.5));
    expect(width).toBeGreaterThan(600);
    // Bars: the rect marks of the first layer; Năm Căn has not submitted, so three bars.
    const bars = /<g class="mark-rect role-mark layer_0_marks"[^>]*>([\s\S]*?)<\/g>/.exec(svg)?.[1] ?? '';
    expect(bars.match(/<path /g)).toHaveLength(3);
    for (const name of ['Sở Tài chính', 'UBND huyện Cái Nước', 'UBND huyện Đầm Dơi']) expect(svg).toContain(`>${name}<`);
    expect(svg).not.toContain('UBND huyện Năm Căn');
    expect(svg).toContain('Mục tiêu: 90%');
    expect(svg).toContain('1. Tỷ lệ hồ sơ giải quyết trực tuyến');
    expect(svg).toMatch(/class="mark-rule role-mark layer_2_marks"/);
  });

  it('charts a task as % done per agency, and refuses an unknown item in Vietnamese', async () => {
    const { svg } = await renderChartPng(r, 4);
    const bars = /<g class="mark-rect role-mark layer_0_marks"[^>]*>([\s\S]*?)<\/g>/.exec(svg)?.[1] ?? '';
    expect(bars.match(/<path /g)).toHaveLength(3);
    expect(svg).toContain('Mục tiêu: 100%');
    const e = await renderChartPng(r, 99).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).userMessage).toContain('Không có mục số 99');
  });
});
