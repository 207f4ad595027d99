// "Gửi về đâu?": where a text says to send a dossier, a report or a complaint, with the deadline the same sentence
// gives and the passage cited — not the lead of the closest task (before: "hồ sơ … gửi về đâu, hạn chót ngày nào"
// was a deadline question without an agency, "vướng mắc … gửi phản ánh về đâu" a list of unrelated passages).
// Over the seeds and two fixtures in the shapes of 2025 texts (a decree whose dossier goes to a ministry through
// one of its departments; a provincial decision whose reports go to the department that consolidates them).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seeded, type Seeded } from './setup.ts';

const FIXTURES = 'test/ingest/fixtures';
/** A 2014 plan whose reports go to a department merged in 2025. */
const OLD_PLAN = `ỦY BAN NHÂN DÂN TỈNH CÀ MAU
Số: 812/KH-UBND
Cà Mau, ngày 10 tháng 3 năm 2014

KẾ HOẠCH
Đánh giá mức độ ứng dụng công nghệ thông tin của các cơ quan nhà nước tỉnh Cà Mau năm 2014

I. NỘI DUNG
1. Các sở, ban, ngành tự đánh giá mức độ ứng dụng công nghệ thông tin, gửi báo cáo tự đánh giá về Sở Thông tin và Truyền thông trước ngày 15/11/2014.
2. Sở Thông tin và Truyền thông chủ trì tổng hợp, báo cáo Ủy ban nhân dân tỉnh.
3. Hồ sơ đề nghị cấp tài khoản thư điện tử công vụ gửi về Trung tâm Công nghệ thông tin và Truyền thông, Sở Thông tin và Truyền thông.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Lê Văn H
`;
let s: Seeded;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plan-'));
  writeFileSync(join(dir, 'ca-mau-2014-ke-hoach-812.txt'), OLD_PLAN);
  s = await seeded([
    `${FIXTURES}/bo-2025-nghi-dinh-quoc-hieu-xuong-dong-mau-bieu.md`,
    `${FIXTURES}/quang-tri-2025-quyet-dinh-so-khong-hai-cham.md`,
    dir,
  ]);
}, 60_000);
afterAll(async () => {
  await s.close();
  rmSync(dir, { recursive: true, force: true });
});

it.each([
  'hồ sơ đề nghị khen thưởng phong trào thi đua chuyển đổi số gửi về đâu, hạn chót ngày nào?',
  'ho so de nghi khen thuong thi dua chuyen doi so nop o dau',
])('%s: the ministry, through its department, and the deadline', async (question) => {
  const r = await s.answerer.answer(question);
  expect(r.intent).toBe('owner');
  expect(r.reply.split('\n')[0]).toBe('Gửi về Bộ Nội vụ (qua Vụ Thi đua - Khen thưởng), thời hạn: hằng năm.');
  expect(r.reply).toContain('«Ủy ban nhân dân cấp tỉnh lập hồ sơ đề nghị khen thưởng');
  expect(r.reply).toContain('— Nghị định 412/2025/NĐ-CP');
  expect(r.answers[0]).toMatchObject({ agency: 'Bộ Nội vụ', role: 'recipient', deadline: 'hằng năm' });
});

it('a report sent to the department that consolidates it, by the date written', async () => {
  const r = await s.answerer.answer('bao cao ket qua chuyen doi so nam 2025 quang tri gui cho co quan nao');
  expect(r.reply.split('\n')[0]).toBe('Gửi về Sở Khoa học và Công nghệ, thời hạn: trước ngày 15/12/2025.');
  expect(r.reply).toContain('— Quyết định 2710/QĐ-UBND, Quảng Trị');
  expect(r.answers[0]?.agency).toBe('Sở Khoa học và Công nghệ');
});

it('a report the text sends to the provincial committee through a department ("báo cáo UBND tỉnh") when none says "gửi"', async () => {
  const r = await s.answerer.answer('kế hoạch 37 báo cáo định kỳ gửi về đâu');
  expect(r.reply.split('\n')[0]).toBe('Gửi về Ủy ban nhân dân tỉnh.');
  expect(r.reply).toContain('— Kế hoạch 37/KH-STTTT, Cà Mau');
});

it('names who receives today when the text names a department merged since', async () => {
  const r = await s.answerer.answer('bao cao tu danh gia muc do ung dung cntt ca mau nop cho co quan nao');
  expect(r.reply.split('\n')[0]).toBe(
    'Gửi về Sở Thông tin và Truyền thông (nay là Sở Khoa học và Công nghệ tỉnh Cà Mau, từ 01/3/2025), thời hạn: trước ngày 15/11/2014.',
  );
  expect(r.answers[0]?.successors[0]?.today).toBe('Sở Khoa học và Công nghệ tỉnh Cà Mau');
});

it('names a unit with the body it belongs to', async () => {
  const r = await s.answerer.answer('hồ sơ đề nghị cấp tài khoản thư điện tử công vụ gửi về đâu');
  expect(r.reply.split('\n')[0]).toBe('Gửi về Trung tâm Công nghệ thông tin và Truyền thông, Sở Thông tin và Truyền thông.');
});

it('says so when no passage about it names where, rather than naming a lead', async () => {
  const r = await s.answerer.answer('hạ tầng viễn thông thụ động gửi về đâu');
  expect(r.reply).toMatch(/^Không tìm thấy đoạn văn bản nào ghi rõ gửi việc này về đâu; các đoạn văn bản liên quan:\n1\. /);
  expect(r.answers.every((a) => a.role !== 'recipient')).toBe(true);
});

it('in English for an English asker', async () => {
  const r = await s.answerer.answer('ho so de nghi khen thuong thi dua chuyen doi so nop o dau', { locale: 'en' });
  expect(r.reply.split('\n')[0]).toBe('Send to Bộ Nội vụ (qua Vụ Thi đua - Khen thưởng); deadline: hằng năm.');
});

it('"ai chủ trì" still asks for the lead, not where the dossier goes', async () => {
  const r = await s.answerer.answer('ai chủ trì thẩm định hồ sơ khen thưởng phong trào thi đua chuyển đổi số');
  expect(r.reply.split('\n')[0]).toBe('Bộ Nội vụ chủ trì.');
  expect(r.answers[0]?.role).toBe('lead');
});
