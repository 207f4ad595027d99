// `user invite --from <tệp>`: one invite per row of a list. Every row is checked first (role, agency, province,
// channel) and nothing is created when any row is wrong: the error names each wrong row and the valid choices.
// The invites are then made in one transaction, each audited like a single invite.
import type { App } from '../app.ts';
import { AppError, ErrorCode } from '../core/errors.ts';
import { fold } from '../core/text.ts';
import type { ChannelName, Role } from '../core/types.ts';
import type { Db } from '../db/client.ts';
import { inTransaction } from '../db/transaction.ts';
import { provinces } from '../ingest/provinces.ts';
import type { InviteFileRow } from './invite-file.ts';
import { createInvite, type InviteCreated } from './invites.ts';
import { ROLE_LABELS, ROLES } from './users.ts';

export interface InviteRow {
  row: number;
  name: string | null;
  agency: string | null;
  province: string | null;
  role: Role;
  channel: ChannelName | null;
}

export interface BulkInvite extends InviteRow {
  invite: InviteCreated;
}

const ROLE_WORDS: Record<string, Role> = {
  official: 'official',
  'can bo': 'official',
  'can bo bao cao': 'official',
  coordinator: 'coordinator',
  'dieu phoi': 'coordinator',
  'dieu phoi vien': 'coordinator',
  'can bo dieu phoi': 'coordinator',
  admin: 'admin',
  'quan tri': 'admin',
  'quan tri vien': 'admin',
};

const CHANNEL_WORDS: Record<string, ChannelName> = {
  telegram: 'telegram',
  tg: 'telegram',
  zalo: 'zalo',
  'zalo bot': 'zalo',
  'zalo oa': 'zalo-oa',
  'zalo-oa': 'zalo-oa',
  slack: 'slack',
  console: 'console',
};

const ROLE_CHOICES = ROLES.map((r) => `${ROLE_LABELS[r]} (${r})`).join(', ');
const provinceChoices = () =>
  provinces()
    .names()
    .filter((p) => provinces().isCurrent(p))
    .sort((a, b) => a.localeCompare(b, 'vi'))
    .join(', ');
const CHANNEL_CHOICES = 'Telegram, Zalo, Zalo OA, Slack, console (hoặc để trống)';

/** Today's province or a former one, however it is written ("tỉnh Cà Mau", "ca mau", "TP Hà Nội"); null if none. */
export function resolveProvince(written: string): string | null {
  const f = fold(written)
    .replace(/^(?:tinh|thanh pho|tp\.?)\s+/, '')
    .trim();
  const reg = provinces();
  const hit = reg.names().find((n) => fold(n) === f) ?? reg.aliases().find(([a]) => fold(a) === f)?.[1];
  return hit ?? null;
}

/** Up to `n` registry names sharing the most words with what was written, for "did you mean". */
function closestAgencies(app: Pick<App, 'registry'>, written: string, n = 5): string[] {
  const words = new Set(fold(written).split(' '));
  return app.registry
    .all()
    .map((d) => ({
      name: d.name,
      score: fold(d.name)
        .split(' ')
        .filter((w) => words.has(w)).length,
    }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, n)
    .map((s) => s.name);
}

/** One row checked: its values, or what is wrong with it (several problems may be said at once). */
function checkRow(app: Pick<App, 'registry'>, r: InviteFileRow): InviteRow | string[] {
  const v = r.values;
  const errors: string[] = [];
  const role = v.role ? ROLE_WORDS[fold(v.role)] : 'official';
  if (!role) errors.push(`vai trò "${v.role}" không hợp lệ; chọn một trong: ${ROLE_CHOICES}`);
  const channel = v.channel ? CHANNEL_WORDS[fold(v.channel)] : null;
  if (channel === undefined) errors.push(`kênh "${v.channel}" không hợp lệ; chọn: ${CHANNEL_CHOICES}`);
  const province = v.province ? resolveProvince(v.province) : null;
  if (v.province && !province) errors.push(`không có tỉnh "${v.province}"; chọn một trong ${provinceChoices()}`);
  const key = v.agency ? (app.registry.resolve(v.agency).key ?? (app.registry.get(v.agency) ? v.agency : null)) : null;
  if (v.agency && !key) {
    const near = closestAgencies(app, v.agency);
    errors.push(
      `không tìm thấy cơ quan "${v.agency}" trong danh mục (data/agencies.yaml)${near.length ? `; tên gần giống: ${near.join('; ')}` : ''}`,
    );
  }
  const def = key ? app.registry.get(key) : undefined;
  if (role === 'official' && !v.agency) errors.push('cán bộ báo cáo phải có cơ quan (cột Cơ quan)');
  if (role === 'official' && def && def.kind !== 'bo' && !def.province && !v.province) errors.push(`thiếu tỉnh của ${def.name} (cột Tỉnh)`);
  if (role === 'coordinator' && !v.province)
    errors.push('điều phối viên phải có tỉnh (phạm vi điều phối); điều phối mọi tỉnh: tạo riêng bằng "user invite --role coordinator"');
  if (v.name && v.name.length > 120) errors.push('họ tên quá dài (tối đa 120 ký tự)');
  if (errors.length || !role || channel === undefined) return errors;
  return { row: r.row, name: v.name ?? null, agency: v.agency ?? null, province, role, channel };
}

/** Every row checked; throws one error listing each wrong row (by its number in the file), or returns them all. */
export function checkInviteRows(app: Pick<App, 'registry'>, rows: InviteFileRow[]): InviteRow[] {
  const ok: InviteRow[] = [];
  const wrong: string[] = [];
  for (const r of rows) {
    const c = checkRow(app, r);
    if (Array.isArray(c)) wrong.push(`• Dòng ${r.row}: ${c.join('; ')}.`);
    else ok.push(c);
  }
  if (wrong.length) {
    const shown = wrong.slice(0, 20);
    const more = wrong.length > shown.length ? [`… và ${wrong.length - shown.length} dòng sai khác.`] : [];
    throw new AppError(
      ErrorCode.InvalidInput,
      [`Chưa tạo mã mời nào: ${wrong.length}/${rows.length} dòng chưa đúng. Sửa tệp rồi chạy lại.`, ...shown, ...more].join('\n'),
    );
  }
  return ok;
}

/** Creates one invite per checked row, all or none (one transaction). */
export async function createInvites(
  app: Pick<App, 'db' | 'registry' | 'clock'>,
  rows: InviteRow[],
  opts: { expiresDays?: number } = {},
): Promise<BulkInvite[]> {
  return inTransaction(
    app.db,
    async (tx) => {
      const inTx = { ...app, db: tx as unknown as Db }; // createInvite only reads and writes rows
      const out: BulkInvite[] = [];
      for (const r of rows) {
        try {
          const invite = await createInvite(inTx, { ...r, expiresDays: opts.expiresDays });
          out.push({ ...r, invite });
        } catch (e) {
          const why = e instanceof AppError ? e.userMessage : (e as Error).message;
          throw new AppError(ErrorCode.InvalidInput, `Chưa tạo mã mời nào: dòng ${r.row}: ${why}`);
        }
      }
      return out;
    },
    { timeout: 120_000 },
  );
}
