// Reporting across the 2025 reorganisation, on the shipped 37/KH-STTTT regime and the real registry: before
// 01/3/2025 Sở TT&TT reports; after it the items are Sở KH&CN's, its people move with them, a Sở KH&CN official
// completes the form on the console seeing last period's figure, and history and "so với kỳ trước" cross the merger.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { createBot, type Bot } from '../../src/conversation/bot.ts';
import { importPaths } from '../../src/ingest/pipeline.ts';
import { silentLogger } from '../../src/log.ts';
import { openPeriod } from '../../src/reporting/period-service.ts';
import { loadRegimeFolder } from '../../src/reporting/regime-folder.ts';
import { agencyHistory, buildConsolidatedReport } from '../../src/reporting/report/index.ts';
import { createInvite } from '../../src/users/invites.ts';
import { moveToSuccessors } from '../../src/users/succession.ts';

const CODE = '37-kh-stttt-ca-mau';
const clock = new ManualClock(new Date('2025-01-05T09:00:00+07:00'));
let app: App;
let bot: Bot;
const say = async (user: string, text: string) =>
  (await bot.handle({ channel: 'console', userId: user, chatId: user, text })).map((m) => m.text).join('\n');

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'reorg-'));
  app = await createApp({ config: { DATABASE_URL: `file:${join(dir, 'a.db')}`, INDEX_DIR: join(dir, 'idx') }, clock, log: silentLogger });
  await importPaths(app, ['data/documents']);
  bot = createBot(app);
}, 60_000);
afterAll(async () => app.close());

describe('the 37/KH-STTTT regime across the merger of Sở TT&TT into Sở KH&CN (01/3/2025)', () => {
  it('in January 2025 Sở TT&TT reports quarter IV/2024 itself', async () => {
    const r = await loadRegimeFolder(app, 'data/regimes');
    expect(r).toMatchObject({ loaded: [CODE], errors: [], warnings: [] });
    await openPeriod(app, CODE, '2024-Q4');
    const inv = await createInvite(app, { role: 'official', agency: 'Sở TT&TT', province: 'Cà Mau' });
    expect(inv.agency?.key).toBe('so-tttt@ca-mau');
    expect(await say('old', `/start ${inv.code}`)).toContain('Sở Thông tin và Truyền thông (Cà Mau)');
    expect(await say('old', 'báo cáo')).toContain(
      'Câu 1/14. Tỷ lệ cán bộ, công chức, viên chức được đào tạo phổ cập kỹ năng ứng dụng CNTT',
    );
    expect(await say('old', '70')).toContain('Đã ghi câu 1: 70%.');
    await say('old', 'gửi');
    expect(await say('old', '1')).toContain('Đã gửi báo cáo quý IV/2024 của Sở Thông tin và Truyền thông');
  });

  it('from April 2025 the items are Sở KH&CN’s (same ids, answers kept), said at load; its people move with them', async () => {
    clock.set('2025-04-05T09:00:00+07:00');
    const before = await app.db.regimeItem.findMany({ orderBy: { id: 'asc' }, select: { id: true, label: true } });
    const r = await loadRegimeFolder(app, 'data/regimes');
    expect(r).toMatchObject({ updated: [CODE], errors: [] });
    expect(r.warnings[0]!.warnings[0]).toBe(
      'Mục của Sở Thông tin và Truyền thông tỉnh Cà Mau nay là Sở Khoa học và Công nghệ tỉnh Cà Mau (từ 01/3/2025, Nghị định 45/2025/NĐ-CP ngày 28/02/2025 của Chính phủ): giao cho Sở Khoa học và Công nghệ tỉnh Cà Mau.',
    );
    const after = await app.db.regimeItem.findMany({ orderBy: { id: 'asc' }, include: { agency: true } });
    // every item keeps its id; only Sở KH&ĐT's three free-text items go, Sở Tài chính (its successor) asks them once
    const kept = new Set(after.map((i) => i.id));
    // the one label naming Sở TT&TT names Sở KH&CN now, under the same id
    const relabelled = (l: string) => l.replace('(phối hợp Sở TT&TT)', '(phối hợp Sở Khoa học và Công nghệ)');
    expect(after.map((i) => ({ id: i.id, label: i.label }))).toEqual(
      before.filter((b) => kept.has(b.id)).map((b) => ({ ...b, label: relabelled(b.label) })),
    );
    expect(before.some((b) => b.label !== relabelled(b.label))).toBe(true);
    expect(before.filter((b) => !kept.has(b.id)).map((b) => b.label)).toEqual([
      'Khó khăn, vướng mắc',
      'Nhiệm vụ, giải pháp thời gian tới',
      'Kiến nghị, đề xuất',
    ]);
    expect(after.filter((i) => i.agency.key === 'so-khcn@ca-mau')).toHaveLength(14);
    expect(await app.db.answer.count()).toBe(1);
    const moved = await moveToSuccessors(app);
    expect(moved).toMatchObject({ users: 1, invites: 0 });
    expect(await moveToSuccessors(app)).toEqual({ users: 0, invites: 0, notes: [] });
    const audit = await app.db.auditLog.findFirstOrThrow({ where: { action: 'user.agency_succession' } });
    expect(JSON.parse(audit.oldValue!)).toEqual({ agency: 'so-tttt@ca-mau' });
  });

  it('a Sở KH&CN official (invited by either name) completes its form on the console, with last quarter’s figure', async () => {
    await openPeriod(app, CODE, '2025-Q1');
    const byOld = await createInvite(app, { role: 'official', agency: 'Sở Thông tin và Truyền thông', province: 'Cà Mau' });
    expect(byOld.agency?.key).toBe('so-khcn@ca-mau');
    expect(byOld.change).toMatch(/^Sở Thông tin và Truyền thông tỉnh Cà Mau nay là Sở Khoa học và Công nghệ tỉnh Cà Mau \(từ 01\/3\/2025/);
    const inv = await createInvite(app, { role: 'official', agency: 'Sở KH&CN', province: 'Cà Mau' });
    expect(await say('new', `/start ${inv.code}`)).toContain('cán bộ báo cáo, Sở Khoa học và Công nghệ (Cà Mau)');
    let out = await say('new', 'báo cáo');
    expect(out).toContain('tỉnh Cà Mau, Sở Khoa học và Công nghệ. Hạn nộp 10/04/2025. Có 14 câu.');
    expect(out).toContain(
      'Câu 1/14. Tỷ lệ cán bộ, công chức, viên chức được đào tạo phổ cập kỹ năng ứng dụng CNTT (%)? Mục tiêu 90% năm 2014; kỳ trước: 70%',
    );
    const answered: string[] = [];
    // 75% is far above some targets (hộ gia đình có máy tính: 10–15%): the official confirms it and gives no reason
    for (let i = 0; i < 60 && /Câu \d+\/14|Ghi chú ngắn|bao nhiêu phần trăm|Số này có đúng không|giải thích ngắn/.test(out); i++) {
      const status = /Tình trạng thực hiện\?/.test(out) ? '3' : /Viết nội dung/.test(out) ? 'Không có' : null;
      const sub = /Số này có đúng không/.test(out) ? '1' : /Ghi chú ngắn|bao nhiêu phần trăm|giải thích ngắn/.test(out) ? 'bỏ qua' : null;
      out = await say('new', sub ?? status ?? '75');
      const m = out.match(/Đã ghi câu (\d+)/);
      if (m) answered.push(m[1]!);
    }
    expect(answered).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14']);
    await say('new', 'gửi');
    expect(await say('new', '1')).toContain('Đã gửi báo cáo quý I/2025 của Sở Khoa học và Công nghệ lúc 09:00 05/04/2025, đúng hạn.');
    const sub = await app.db.submission.findFirstOrThrow({
      where: { period: { key: '2025-Q1' } },
      include: { agency: true, answers: true },
    });
    expect([sub.agency.key, sub.status, sub.answers.length]).toEqual(['so-khcn@ca-mau', 'submitted', 14]);
  });

  it('"so với kỳ trước" and the agency’s history reach the figures Sở TT&TT reported before the merger', async () => {
    const report = await buildConsolidatedReport(app.db, { regime: CODE, period: '2025-Q1', now: clock.now() });
    const row = report.figures.find((f) => f.label.startsWith('Tỷ lệ cán bộ, công chức'))!;
    expect(row.values.map((v) => [v.agencyName, v.value, v.change?.previous])).toEqual([['Sở Khoa học và Công nghệ', 75, 70]]);
    const khcn = await app.db.agency.findUniqueOrThrow({ where: { key: 'so-khcn@ca-mau' } });
    const h = await agencyHistory(app.db, { agencyId: khcn.id, now: clock.now() });
    const q4 = h.entries.find((e) => e.periodKey === '2024-Q4')!;
    expect(q4.values.find((v) => v.label.startsWith('Tỷ lệ cán bộ'))?.value).toBe(70);
  });
});
