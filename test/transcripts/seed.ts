// Seeding helpers for conversation tests: an App on a temp database with a small agency registry, a quarterly
// regime for Cà Mau with items for two agencies, last quarter's answers, an open quarter and invite codes.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createApp, type App } from '../../src/app.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { silentLogger } from '../../src/log.ts';
import { openPeriod } from '../../src/reporting/period-service.ts';
import type { RegimeDefInput } from '../../src/reporting/regime-def.ts';
import { saveRegime } from '../../src/reporting/regimes.ts';
import { createInvite } from '../../src/users/invites.ts';

export const AGENCIES_YAML = `agencies:
  - key: so-tttt
    name: Sở Thông tin và Truyền thông
    kind: so
    aliases: [Sở TT&TT, Sở TT và TT, STTTT]
  - key: so-tc
    name: Sở Tài chính
    kind: so
    aliases: [STC, Sở TC]
  - key: so-khdt
    name: Sở Kế hoạch và Đầu tư
    kind: so
    aliases: [Sở KH&ĐT, Sở KHĐT]
  - key: ubnd-tinh
    name: Ủy ban nhân dân tỉnh
    kind: ubnd-tinh
    aliases: [UBND tỉnh]
`;

export const REGIME: RegimeDefInput = {
  code: 'cds-ca-mau',
  name: 'Báo cáo ứng dụng CNTT tỉnh Cà Mau',
  content: 'Tiến độ thực hiện Kế hoạch 37/KH-STTTT',
  receivingBody: 'Sở Thông tin và Truyền thông',
  method: 'Qua trợ lý văn bản',
  frequency: 'quarter',
  deadlineDays: 10,
  lockAfterDays: 30,
  province: 'Cà Mau',
  agencies: [
    {
      agency: 'Sở TT&TT',
      items: [
        {
          label: 'Tỷ lệ văn bản trao đổi trên môi trường mạng',
          kind: 'figure',
          valueKind: 'percent',
          unit: '%',
          min: 0,
          max: 100,
          targetText: '90%',
          targetYear: 2020,
          targetValue: 90,
        },
        { label: 'Số doanh nghiệp sử dụng hóa đơn điện tử', kind: 'figure', valueKind: 'count', unit: 'doanh nghiệp' },
        { label: 'Kinh phí đã giải ngân cho ứng dụng CNTT', kind: 'figure', valueKind: 'money', unit: 'triệu đồng' },
        { label: 'Xây dựng cơ sở dữ liệu văn bản quy phạm pháp luật của tỉnh', kind: 'task_status', targetText: 'năm 2026' },
      ],
    },
    { agency: 'Sở Tài chính', items: [{ label: 'Tỷ lệ hồ sơ thanh toán trực tuyến', kind: 'figure', valueKind: 'percent', unit: '%' }] },
  ],
};

/** 09:00 on 5 January 2027 in Cà Mau: five days before the 2026-Q4 deadline. */
export const NOW = '2027-01-05T09:00:00+07:00';

export const CODES = { tttt: 'TTTT2K26', taichinh: 'TCHNHK26', coordinator: 'DPHVKY26', tttt2: 'TTTTHAY2' };

export interface Seeded {
  app: App;
  clock: ManualClock;
  dir: string;
  dbUrl: string;
  agenciesFile: string;
  periodId: number;
  close(): Promise<void>;
}

export async function openTestApp(dbUrl: string, agenciesFile: string, clock: ManualClock): Promise<App> {
  const indexDir = join(dirname(dbUrl.replace(/^file:/, '')), 'index'); // never the repository's data/index
  return createApp({ config: { DATABASE_URL: dbUrl, AGENCIES_FILE: agenciesFile, INDEX_DIR: indexDir }, clock, log: silentLogger });
}

export async function seedReporting(): Promise<Seeded> {
  const dir = mkdtempSync(join(tmpdir(), 'da-conv-'));
  const agenciesFile = join(dir, 'agencies.yaml');
  writeFileSync(agenciesFile, AGENCIES_YAML);
  const dbUrl = `file:${join(dir, 'app.db')}`;
  const clock = new ManualClock(new Date(NOW));
  const app = await openTestApp(dbUrl, agenciesFile, clock);
  await saveRegime(app, REGIME);
  // last quarter, answered by Sở TT&TT, so the form shows "kỳ trước" and can spot outliers
  const q3 = await openPeriod(app, 'cds-ca-mau', '2026-Q3');
  const tttt = await app.db.agency.findUniqueOrThrow({ where: { key: 'so-tttt@ca-mau' } });
  const items = await app.db.regimeItem.findMany({ where: { agencyId: tttt.id }, orderBy: { ord: 'asc' } });
  const sub = await app.db.submission.create({
    data: { periodId: q3.id, agencyId: tttt.id, status: 'submitted', submittedAt: new Date('2026-10-08T10:00:00+07:00') },
  });
  const prev = [{ value: 72 }, { value: 120 }, { value: 500 }, { status: 'dang_trien_khai' as const, percentDone: 40 }];
  for (const [i, it] of items.entries()) await app.db.answer.create({ data: { submissionId: sub.id, itemId: it.id, ...prev[i] } });
  const q4 = await openPeriod(app, 'cds-ca-mau', '2026-Q4');
  await createInvite(app, {
    role: 'official',
    name: 'Trần Thị Bích',
    agency: 'Sở TT&TT',
    province: 'Cà Mau',
    code: CODES.tttt,
    expiresDays: 30,
  });
  await createInvite(app, { role: 'official', agency: 'Sở TT&TT', province: 'Cà Mau', code: CODES.tttt2 });
  await createInvite(app, { role: 'official', agency: 'Sở Tài chính', province: 'Cà Mau', code: CODES.taichinh, expiresDays: 30 });
  await createInvite(app, { role: 'coordinator', name: 'Lê Văn Cường', province: 'Cà Mau', code: CODES.coordinator, expiresDays: 30 });
  return {
    app,
    clock,
    dir,
    dbUrl,
    agenciesFile,
    periodId: q4.id,
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
