// Scheduler test helpers: an App on a temp DB file, fake channel adapters that record sends, and a seeded
// reporting regime (agencies, officials with identities, a coordinator, one open quarter).
import type { BotUser } from '../../src/conversation/ports.ts';
import { createApp, type App } from '../../src/app.ts';
import type { Config } from '../../src/config.ts';
import { ManualClock } from '../../src/core/clock.ts';
import type { ChannelAdapter, DeliveryResult } from '../../src/core/interfaces.ts';
import type { ChannelName, OutboundMessage } from '../../src/core/types.ts';
import type { Db } from '../../src/db/client.ts';
import { silentLogger } from '../../src/log.ts';
import { createScheduler, type Scheduler, type SchedulerDeps } from '../../src/scheduler/index.ts';

export interface SentRecord {
  channel: ChannelName;
  chatId: string;
  text: string;
  choices: string[];
  at: Date;
}

type Behaviour = (chatId: string, call: number) => DeliveryResult | 'hang' | 'deliver-then-hang' | 'throw' | Promise<DeliveryResult>;

/**
 * A channel that records what it delivered. `behaviour` can refuse, throw, hang forever before delivering
 * (a process killed mid-call) or deliver and then hang (killed after the platform accepted the message).
 */
export class FakeAdapter implements ChannelAdapter {
  readonly sent: SentRecord[] = [];
  calls = 0;
  constructor(
    readonly name: ChannelName,
    private readonly clock: { now(): Date },
    public behaviour?: Behaviour,
  ) {}
  async start(): Promise<void> {}
  async stop(): Promise<void> {}
  async send(chatId: string, messages: OutboundMessage[]): Promise<DeliveryResult> {
    const call = ++this.calls;
    const b = this.behaviour?.(chatId, call);
    if (b === 'hang') return new Promise<DeliveryResult>(() => {});
    if (b === 'throw') throw new Error('connection reset');
    const r = b === 'deliver-then-hang' || !b ? { ok: true as const } : await b;
    if (r.ok) {
      for (const m of messages) {
        this.sent.push({ channel: this.name, chatId, text: m.text, choices: (m.choices ?? []).map((c) => c.label), at: this.clock.now() });
      }
    }
    if (b === 'deliver-then-hang') return new Promise<DeliveryResult>(() => {}); // accepted, then the process died
    return r;
  }
}

/** Local Vietnam time → Date ("2026-10-01T09:00"). */
export const vn = (s: string): Date => new Date(`${s}+07:00`);

export async function testApp(url: string, clock: ManualClock, config: Partial<Config> = {}): Promise<App> {
  return createApp({ config: { DATABASE_URL: url, LOG_LEVEL: 'silent', ...config }, clock, log: silentLogger });
}

export interface Seeded {
  regimeId: number;
  periodId: number;
  agencies: { id: number; name: string; officials: number[] }[];
  coordinatorId: number;
}

export interface SeedOptions {
  agencies?: number;
  officialsPerAgency?: number;
  startsAt?: Date;
  endsAt?: Date;
  deadline?: Date;
  /** Channels linked by each official, most recently used first. */
  channels?: ChannelName[];
}

/** One regime with one open quarter (2026-Q4, deadline Fri 15/01/2027 by default). */
export async function seed(db: Db, o: SeedOptions = {}): Promise<Seeded> {
  const n = o.agencies ?? 3;
  const per = o.officialsPerAgency ?? 2;
  const channels = o.channels ?? ['telegram'];
  const agencyNames = ['Sở Tài chính', 'Sở Y tế', 'Sở Giáo dục và Đào tạo', 'Sở Nội vụ', 'Sở Công Thương'];
  const agencies: Seeded['agencies'] = [];
  for (let i = 0; i < n; i++) {
    const name = agencyNames[i] ?? `Cơ quan ${i + 1}`;
    const a = await db.agency.create({ data: { key: `so-${i + 1}@ca-mau`, baseKey: `so-${i + 1}`, name, kind: 'so', province: 'Cà Mau' } });
    agencies.push({ id: a.id, name, officials: [] });
  }
  const regime = await db.regime.create({
    data: {
      code: 'KH37',
      name: 'Kế hoạch ứng dụng CNTT',
      frequency: 'quarter',
      province: 'Cà Mau',
      reportingBodies: JSON.stringify(agencies.map((_, i) => `so-${i + 1}@ca-mau`)),
    },
  });
  const period = await db.period.create({
    data: {
      regimeId: regime.id,
      key: '2026-Q4',
      startsAt: o.startsAt ?? vn('2026-10-01T00:00'),
      endsAt: o.endsAt ?? vn('2027-01-01T00:00'),
      deadline: o.deadline ?? vn('2027-01-16T00:00'),
      locksAt: vn('2027-02-15T00:00'),
    },
  });
  let u = 0;
  for (const a of agencies) {
    for (let k = 0; k < per; k++) {
      u++;
      const user = await db.user.create({ data: { name: `Cán bộ ${u}`, role: 'official', agencyId: a.id, province: 'Cà Mau' } });
      for (const [idx, ch] of channels.entries()) {
        await db.identity.create({
          data: {
            channel: ch,
            externalId: `${ch}-${user.id}`,
            chatId: chatOf(user.id, ch),
            userId: user.id,
            lastSeenAt: new Date(Date.UTC(2026, 0, 1) - idx * 60_000),
          },
        });
      }
      a.officials.push(user.id);
    }
  }
  const coord = await db.user.create({ data: { name: 'Điều phối viên', role: 'coordinator', province: 'Cà Mau' } });
  await db.identity.create({ data: { channel: 'telegram', externalId: 'coord', chatId: chatOf(coord.id), userId: coord.id } });
  return { regimeId: regime.id, periodId: period.id, agencies, coordinatorId: coord.id };
}

export async function submit(db: Db, periodId: number, agencyId: number, at: Date): Promise<void> {
  await db.submission.create({ data: { periodId, agencyId, status: 'submitted', submittedAt: at } });
}

/** Ticks every `stepMs` from the clock's time up to `until` (inclusive), as cron would. */
export async function runUntil(s: Scheduler, clock: ManualClock, until: Date, stepMs: number): Promise<void> {
  while (clock.now() < until) {
    clock.advance(stepMs);
    await s.tick();
  }
}

export function newScheduler(app: App, adapters: ChannelAdapter[], extra: Partial<SchedulerDeps> = {}): Scheduler {
  return createScheduler(app, {
    adapters: new Map(adapters.map((a) => [a.name, a])),
    cron: false,
    // Pace on the manual clock so a platform's "retry after" is measured in test time.
    limiterNow: () => app.clock.now().getTime(),
    limits: {
      telegram: { perSecond: 10_000, perChatMs: 0 },
      slack: { perSecond: 10_000, perChatMs: 0 },
      zalo: { perSecond: 10_000, perChatMs: 0 },
    },
    ...extra,
  });
}

export const chatOf = (userId: number, ch: ChannelName = 'telegram') => `${ch}-chat-${userId}`;

/** A registered person as the engine hands it to chat commands (no agency needed for scheduler commands). */
export function botUser(id: number, role: BotUser['role']): BotUser {
  return { id, name: null, role, province: null, agency: null, locale: 'vi' };
}
