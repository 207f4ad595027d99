// Every coordinator/admin chat command × role × own or other province. Two provinces run a regime each
// (Cà Mau: the shipped 37/KH-STTTT; Hà Nội: one of this test's); a coordinator acts on their own province only,
// an admin without a province on both, officials on neither. A refused command changes nothing stored.
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { buildRuntime, type Runtime } from '../../src/runtime.ts';
import { silentLogger } from '../../src/log.ts';
import { openPeriod } from '../../src/reporting/period-service.ts';
import { loadRegimeFolder } from '../../src/reporting/regime-folder.ts';
import { createInvite } from '../../src/users/invites.ts';

const CM = { code: '37-kh-stttt-ca-mau', name: 'Báo cáo tiến độ thực hiện Kế hoạch 37/KH-STTTT', agency: 'Sở Giáo dục và Đào tạo' };
const HN = { code: 'kh-xd-ha-noi', name: 'Báo cáo xây dựng đô thị thông minh Hà Nội', agency: 'Sở Xây dựng' };
const HN_YAML = `code: ${HN.code}
name: ${HN.name}
frequency: quarter
province: Hà Nội
agencies:
  - agency: ${HN.agency}
    items:
      - label: Số công trình được số hóa hồ sơ
        valueKind: count
        unit: công trình
`;

const clock = new ManualClock(new Date('2026-12-10T09:00:00+07:00'));
let app: App;
let rt: Runtime;
const who: Record<string, string> = {};
let userIds: Record<string, number> = {};

async function say(user: string, text: string): Promise<string> {
  return (await rt.bot.handle({ channel: 'console', userId: user, chatId: user, text })).map((m) => m.text).join('\n');
}

/** What the commands may change: pause flags, queued reminders, leave dates, reopened submissions, sessions. */
async function snapshot(): Promise<string> {
  const [regimes, outbox, users, subs] = await Promise.all([
    app.db.regime.findMany({ select: { code: true, paused: true }, orderBy: { id: 'asc' } }),
    app.db.outbox.count(),
    app.db.user.findMany({ select: { id: true, pausedUntil: true }, orderBy: { id: 'asc' } }),
    app.db.submission.findMany({ select: { id: true, status: true, reopenedAt: true }, orderBy: { id: 'asc' } }),
  ]);
  return JSON.stringify({ regimes, outbox, users, subs });
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'scope-'));
  app = await createApp({ config: { DATABASE_URL: `file:${join(dir, 'a.db')}`, INDEX_DIR: join(dir, 'idx') }, clock, log: silentLogger });
  mkdirSync(join(dir, 'regimes'));
  writeFileSync(join(dir, 'regimes', 'hn.yaml'), HN_YAML);
  expect((await loadRegimeFolder(app, 'data/regimes')).errors).toEqual([]);
  expect((await loadRegimeFolder(app, join(dir, 'regimes'))).errors).toEqual([]);
  await openPeriod(app, CM.code, '2026-Q4');
  await openPeriod(app, HN.code, '2026-Q4');
  rt = await buildRuntime(app);
  const invites = {
    coordCM: { role: 'coordinator', province: 'Cà Mau' },
    coordHN: { role: 'coordinator', province: 'Hà Nội' },
    admin: { role: 'admin' },
    offCM: { role: 'official', agency: CM.agency, province: 'Cà Mau' },
    offHN: { role: 'official', agency: HN.agency, province: 'Hà Nội' },
  } as const;
  for (const [name, input] of Object.entries(invites)) {
    const inv = await createInvite(app, input);
    who[name] = name;
    await say(name, `/start ${inv.code}`);
  }
  const ids = await app.db.identity.findMany({ select: { externalId: true, userId: true } });
  userIds = Object.fromEntries(ids.map((i) => [i.externalId, i.userId]));
}, 120_000);
afterAll(async () => app.close());

type Target = typeof CM | typeof HN;
interface Command {
  name: string;
  text: (t: Target) => string;
  /** What a permitted run says. */
  allowed: RegExp;
  /** Officials may run it for their own agency (the targets' agencies are one per province). */
  ownAgency?: boolean;
  /** Resets what the command changed, so the next row starts from the same state. */
  undo?: () => Promise<void>;
}

const unpause = async () => void (await app.db.regime.updateMany({ data: { paused: false } }));
const COMMANDS: Command[] = [
  { name: 'báo cáo tổng hợp', text: (t) => `báo cáo tổng hợp ${t.code} quý 4`, allowed: /BÁO CÁO TỔNG HỢP QUÝ IV\/2026/ },
  { name: 'tạm dừng', text: (t) => `tạm dừng ${t.code}`, allowed: /Đã tạm dừng nhắc báo cáo/, undo: unpause },
  { name: 'tiếp tục', text: (t) => `tiếp tục ${t.code}`, allowed: /Đã bật lại nhắc báo cáo/ },
  {
    name: 'nhắc ngay',
    text: (t) => `nhắc ngay ${t.code}`,
    allowed: /Đã xếp \d+ tin nhắc|Không có cán bộ nào cần nhắc/,
    undo: async () => void (await app.db.outbox.deleteMany({})),
  },
  {
    name: 'tạm nghỉ',
    text: (t) => `tạm nghỉ ${userIds[t === CM ? 'offCM' : 'offHN']} đến 20/12/2026`,
    allowed: /Đã tạm dừng nhắc cho/,
    undo: async () => void (await app.db.user.updateMany({ data: { pausedUntil: null } })),
  },
  { name: 'mở lại', text: (t) => `mở lại ${t.agency} quý 4`, allowed: /chưa khóa với|Đã mở lại/ },
  { name: 'tình hình báo cáo <cơ quan>', text: (t) => `tình hình báo cáo ${t.agency}`, allowed: /— báo cáo quý IV\/2026/, ownAgency: true },
  {
    name: 'báo cáo <cơ quan> (thay cơ quan)',
    text: (t) => `báo cáo ${t.agency}`,
    allowed: /Câu 1\//,
    ownAgency: true,
    undo: async () => void (await app.db.session.deleteMany({})),
  },
];

const ROLES = [
  { user: 'coordCM', may: [CM] },
  { user: 'coordHN', may: [HN] },
  { user: 'admin', may: [CM, HN] },
  { user: 'offCM', may: [] },
  { user: 'offHN', may: [] },
];

describe('one scope guard: command × role × own/other province', () => {
  for (const c of COMMANDS) {
    for (const r of ROLES) {
      for (const t of [CM, HN]) {
        const own = (r.user === 'offCM' && t === CM) || (r.user === 'offHN' && t === HN);
        const ok = r.may.includes(t) || (!!c.ownAgency && own);
        it(`${c.name} by ${r.user} on ${t === CM ? 'Cà Mau' : 'Hà Nội'}: ${ok ? 'done' : 'refused, nothing changed'}`, async () => {
          const before = await snapshot();
          const out = await say(r.user, c.text(t));
          if (ok) expect(out).toMatch(c.allowed);
          else {
            expect(out).not.toMatch(c.allowed);
            expect(await snapshot()).toBe(before);
          }
          // nothing of the other province shows in a reply
          const other = t === CM ? HN : CM;
          expect(out).not.toContain(other.name);
          await c.undo?.();
          await app.db.session.deleteMany({});
        });
      }
    }
  }

  it('"lịch nhắc" and "chi tiết" show a coordinator their own province only; an admin both', async () => {
    await say('admin', `nhắc ngay ${CM.code}`);
    await say('admin', `nhắc ngay ${HN.code}`);
    const cm = await say('coordCM', 'lịch nhắc');
    expect(cm).toContain(CM.name);
    expect(cm).not.toContain(HN.name);
    expect(cm).not.toContain(HN.agency);
    const hn = await say('coordHN', 'lịch nhắc');
    expect(hn).toContain(HN.name);
    expect(hn).not.toContain(CM.name);
    const all = await say('admin', 'lịch nhắc');
    expect(all).toContain(CM.name);
    expect(all).toContain(HN.name);
    // "chi tiết 1" with no report asked before: the coordinator's only regime, not "which of the two?"
    expect(await say('coordHN', 'chi tiết 1')).toContain('Số công trình được số hóa hồ sơ');
    expect(await say('coordCM', 'báo cáo tổng hợp quý 4')).not.toContain(HN.code);
    expect(await say('offCM', 'lịch nhắc')).toMatch(/chỉ dành cho cán bộ điều phối/);
    await app.db.outbox.deleteMany({});
  });

  it('speaks English to a coordinator who chose it: "consolidated report", "detail 1", refusals; files named as before', async () => {
    await say('coordCM', '/lang en');
    try {
      const sum = await rt.bot.handle({ channel: 'console', userId: 'coordCM', chatId: 'coordCM', text: 'consolidated report' });
      expect(sum[0]!.text).toContain('CONSOLIDATED REPORT, Q4 2026');
      expect(sum[0]!.text).toMatch(/I\. Reports: \d+\/\d+ sent \(0%\), not due yet\nFigures complete: 0%/);
      expect(sum[0]!.text).not.toMatch(/Nộp báo cáo|Đầy đủ số liệu|Hạn nộp|Gõ 'chi tiết/);
      expect(sum.slice(1).map((m) => m.text)).toEqual(sum.slice(1).map((m) => `File ${m.file!.name}`));
      expect(sum.slice(1).map((m) => m.file!.name.slice(0, 12))).toEqual(['Bao-cao-tong', 'Bao-cao-tong']);
      const detail = await say('coordCM', 'detail 1');
      expect(detail).toMatch(/^1\. .* — Q4 2026\nTarget: 90% \(year 2014\)\nConsolidated \(unweighted mean\): –\n\n• Sở .*: not reported/);
      expect(await say('coordCM', 'detail 99')).toMatch(/^There is no item 99\. Type 'detail <n>'/);
      await say('offCM', '/lang en');
      expect(await say('offCM', 'consolidated report')).toMatch(/^Only coordinators and administrators/);
      expect(await say('offCM', 'báo cáo tổng hợp')).toMatch(/^Only coordinators and administrators/);
      expect(await say('offCM', 'report history')).toMatch(
        /^📚 Report history — Sở Giáo dục và Đào tạo\n\n.*\(37-kh-stttt-ca-mau\):\n• Q4 2026: Not sent \(still due\)/,
      );
    } finally {
      await say('coordCM', '/lang vi');
      await say('offCM', '/lang vi');
    }
    expect(await say('coordCM', 'báo cáo tổng hợp')).toContain('BÁO CÁO TỔNG HỢP QUÝ IV/2026');
  });

  it('the refusals and "not found"s a coordinator or admin meets in chat are said in their language', async () => {
    // the same inputs in both languages: the Vietnamese wording is what it was, the English one says the same things
    const inputs = [
      `consolidated report ${HN.code} Q4`,
      'consolidated report nope',
      `consolidated report ${CM.code} 2030-Q1`,
      'khóa kỳ nope',
      'lọc abcxyz',
    ];
    const vi = [
      new RegExp(`^Chế độ báo cáo "${HN.code}" thuộc Hà Nội; bạn là điều phối viên của Cà Mau nên không xem hoặc thao tác được\\.$`),
      new RegExp(`^Không tìm thấy chế độ báo cáo "nope"\\. Các chế độ hiện có: ${CM.code}\\.$`),
      new RegExp(`^Chế độ báo cáo "${CM.code}" không có kỳ "2030-[Qq]1"\\. Các kỳ hiện có: 2026-Q4\\.$`),
      new RegExp(`^Không tìm thấy chế độ báo cáo "nope"\\. Các chế độ hiện có: ${CM.code}\\.$`),
      /^Không nhận ra bộ lọc "abcxyz"\. Ví dụ: "lọc tỉnh Cà Mau năm 2020"/,
    ];
    const en = [
      new RegExp(
        `^Reporting regime "${HN.code}" belongs to Hà Nội; your role \\(coordinator\\) covers Cà Mau only, so you cannot see or act on it\\.$`,
      ),
      new RegExp(`^No reporting regime "nope"\\. The regimes are: ${CM.code}\\.$`),
      new RegExp(`^Reporting regime "${CM.code}" has no period "2030-[Qq]1"\\. Its periods are: 2026-Q4\\.$`),
      new RegExp(`^No reporting regime "nope"\\. The regimes are: ${CM.code}\\.$`),
      /^"abcxyz" names nothing to filter by\. For example: "lọc tỉnh Cà Mau năm 2020"/,
    ];
    // "consolidated report" is an English command word; the Vietnamese reader types "báo cáo tổng hợp"
    const viInputs = inputs.map((i) => i.replace('consolidated report', 'báo cáo tổng hợp').replace(' Q4', ' quý 4'));
    for (const [i, text] of viInputs.entries()) expect(await say('coordCM', text)).toMatch(vi[i]!);
    await say('coordCM', '/lang en');
    await say('admin', '/lang en');
    try {
      for (const [i, text] of inputs.entries()) expect(await say('coordCM', text)).toMatch(en[i]!);
      // an admin sees both regimes and must say which; the example is the command typed
      expect(await say('admin', 'khóa kỳ')).toMatch(
        new RegExp(
          `^There are 2 reporting regimes: ${CM.code} \\(.*\\); ${HN.code} \\(.*\\)\\. Say which, e\\.g\\. "khóa kỳ ${CM.code} Q4"\\.$`,
        ),
      );
      expect(await say('admin', 'consolidated report')).toMatch(
        /^There are 2 reporting regimes: .*e\.g\. "consolidated report 37-kh-stttt-ca-mau Q4"\.$/,
      );
    } finally {
      await say('coordCM', '/lang vi');
      await say('admin', '/lang vi');
    }
    expect(await say('admin', 'khóa kỳ')).toMatch(/^Có 2 chế độ báo cáo: .*Hãy ghi rõ mã, ví dụ "khóa kỳ 37-kh-stttt-ca-mau quý 4"\.$/);
  });

  it('"lịch sử báo cáo <mã chế độ>" shows that regime only, as its long-history hint says; other words are ignored', async () => {
    expect(await say('offCM', 'lịch sử báo cáo')).toContain(`(${CM.code}):`);
    expect(await say('offCM', `lịch sử báo cáo ${CM.code}`)).toContain(`(${CM.code}):`);
    expect(await say('offCM', `lịch sử báo cáo ${HN.code}`)).toBe(`📚 Lịch sử báo cáo — ${CM.agency}\nĐơn vị chưa có kỳ báo cáo nào.`);
    const all = await say('offCM', 'lịch sử báo cáo');
    expect(await say('offCM', 'lịch sử báo cáo KHAC')).toBe(all);
    expect(await say('offCM', 'lịch sử báo cáo của tôi')).toBe(all);
  });
});
