// A 20-item quarterly form for Sở TT&TT (figures, tasks, a free-text item) with last quarter's answers, an open
// quarter, an official with a Telegram identity, and the web server built on it (fastify inject, no port).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { App } from '../../src/app.ts';
import { ManualClock } from '../../src/core/clock.ts';
import type { ChannelAdapter } from '../../src/core/interfaces.ts';
import type { ChannelName, OutboundMessage } from '../../src/core/types.ts';
import { openPeriod } from '../../src/reporting/period-service.ts';
import type { RegimeDefInput } from '../../src/reporting/regime-def.ts';
import { saveRegime } from '../../src/reporting/regimes.ts';
import { csrfFor } from '../../src/web/link.ts';
import { buildWebServer } from '../../src/web/server.ts';
import { AGENCIES_YAML, NOW, openTestApp } from '../transcripts/seed.ts';

export const SECRET = 'test-web-secret-0123456789';
export const BOT_TOKEN = '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghi';

type Item = RegimeDefInput['agencies'][number]['items'][number];

function items(): Item[] {
  const list: Item[] = [
    {
      label: 'Tỷ lệ văn bản trao đổi trên môi trường mạng',
      kind: 'figure',
      valueKind: 'percent',
      unit: '%',
      min: 0,
      max: 100,
      targetText: '90%',
      targetYear: 2026,
      targetValue: 90,
    },
  ];
  for (let i = 2; i <= 17; i++) list.push({ label: `Chỉ tiêu số ${i}`, kind: 'figure', valueKind: 'count', unit: 'hồ sơ' });
  list.push({ label: 'Xây dựng cơ sở dữ liệu văn bản', kind: 'task_status', targetText: 'năm 2026' });
  list.push({ label: 'Triển khai nền tảng số dùng chung', kind: 'task_status' });
  list.push({ label: 'Khó khăn, vướng mắc, kiến nghị', kind: 'text' });
  return list;
}

export const REGIME20: RegimeDefInput = {
  code: 'cds-20',
  name: 'Báo cáo chuyển đổi số quý',
  content: 'Tiến độ thực hiện Kế hoạch 37/KH-STTTT',
  receivingBody: 'Sở Thông tin và Truyền thông',
  method: 'Qua trợ lý văn bản',
  frequency: 'quarter',
  deadlineDays: 10,
  lockAfterDays: 30,
  province: 'Cà Mau',
  agencies: [
    { agency: 'Sở TT&TT', items: items() },
    { agency: 'Sở Tài chính', items: [{ label: 'Tỷ lệ hồ sơ thanh toán trực tuyến', kind: 'figure', valueKind: 'percent', unit: '%' }] },
  ],
};

export interface Sent {
  chatId: string;
  messages: OutboundMessage[];
}

export interface WebFixture {
  app: App;
  clock: ManualClock;
  periodId: number;
  agencyId: number;
  otherAgencyId: number;
  official: number;
  otherOfficial: number;
  sent: Sent[];
  web: ReturnType<typeof buildWebServer>;
  close(): Promise<void>;
}

export async function webFixture(): Promise<WebFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'da-web-'));
  const agenciesFile = join(dir, 'agencies.yaml');
  writeFileSync(agenciesFile, AGENCIES_YAML);
  const clock = new ManualClock(new Date(NOW));
  const app = await openTestApp(`file:${join(dir, 'app.db')}`, agenciesFile, clock);
  Object.assign(app.config, { WEB_SECRET: SECRET, WEB_BASE_URL: 'https://bot.example.vn', TELEGRAM_BOT_TOKEN: BOT_TOKEN });
  await saveRegime(app, REGIME20);
  const q3 = await openPeriod(app, REGIME20.code, '2026-Q3');
  const tttt = await app.db.agency.findUniqueOrThrow({ where: { key: 'so-tttt@ca-mau' } });
  const tc = await app.db.agency.findFirstOrThrow({ where: { key: 'so-tc@ca-mau' } });
  const its = await app.db.regimeItem.findMany({ where: { agencyId: tttt.id }, orderBy: { ord: 'asc' } });
  const sub = await app.db.submission.create({
    data: { periodId: q3.id, agencyId: tttt.id, status: 'submitted', submittedAt: new Date('2026-10-08T10:00:00+07:00') },
  });
  for (const [i, it] of its.entries())
    if (it.kind === 'figure') await app.db.answer.create({ data: { submissionId: sub.id, itemId: it.id, value: i === 0 ? 72 : 100 } });
  const q4 = await openPeriod(app, REGIME20.code, '2026-Q4');
  const official = await app.db.user.create({ data: { name: 'Trần Thị Bích', role: 'official', agencyId: tttt.id, province: 'Cà Mau' } });
  await app.db.identity.create({ data: { channel: 'telegram', externalId: '777', chatId: '777', userId: official.id } });
  const other = await app.db.user.create({ data: { name: 'Phạm Văn Tài', role: 'official', agencyId: tc.id, province: 'Cà Mau' } });
  const sent: Sent[] = [];
  const fake: ChannelAdapter = {
    name: 'telegram',
    start: async () => undefined,
    stop: async () => undefined,
    send: async (chatId, messages) => {
      sent.push({ chatId, messages });
      return { ok: true } as never;
    },
  };
  const web = buildWebServer(app, { adapters: new Map<ChannelName, ChannelAdapter>([['telegram', fake]]) });
  return {
    app,
    clock,
    periodId: q4.id,
    agencyId: tttt.id,
    otherAgencyId: tc.id,
    official: official.id,
    otherOfficial: other.id,
    sent,
    web,
    async close() {
      await web.close();
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The form's item ids for the fixture's agency, in the form's order. */
export const formItemIds = async (fx: WebFixture) =>
  (await fx.app.db.regimeItem.findMany({ where: { agencyId: fx.agencyId }, orderBy: { ord: 'asc' } })).map((i) => i.id);

export interface FieldReply {
  state: string;
  messages: { text: string; choices?: { id: string; label: string }[] }[];
}

/** One field posted as the page's script posts it: the signed link in the body, its CSRF token in the header. */
export async function postField(fx: WebFixture, token: string, body: Record<string, unknown>) {
  const r = await fx.web.inject({
    method: 'POST',
    url: '/form/field',
    headers: { 'x-csrf-token': csrfFor(SECRET, token) },
    payload: { t: token, ...body },
  });
  return { status: r.statusCode, json: r.json() as FieldReply };
}

/** "Gửi báo cáo" as the page's script sends it. */
export const postSubmit = (fx: WebFixture, token: string) =>
  fx.web.inject({ method: 'POST', url: '/form/submit', headers: { 'x-csrf-token': csrfFor(SECRET, token) }, payload: { t: token } });
