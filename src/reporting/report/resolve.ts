// Turning what a coordinator types ("báo cáo tổng hợp quý 4", "… KH-CDS-2026 tháng 11") into a regime and a period:
// the regime may be omitted when only one is active; the year may be omitted (latest such period that has started);
// the period may be omitted (the latest period that has ended, else the current one).
import type { Db } from '../../db/client.ts';
import { findRegimePeriodSpans } from '../repo/periods.ts';
import { listRegimeCodesWhere, listRegimesWhere } from '../repo/regimes.ts';
import { AppError, ErrorCode, isAppError } from '../../core/errors.ts';
import { fold } from '../../core/text.ts';
import { findRegime, normalizePeriodKey } from './load.ts';

const ROMAN: Record<string, string> = { i: '1', ii: '2', iii: '3', iv: '4' };

/** A period written without its year → the key's suffix: "quý 4" → "-Q4", "tháng 11" → "-11", "6 tháng đầu" → "-H1". */
export function periodSuffix(hint: string): string | null {
  const s = fold(hint).trim();
  let m = /^(?:quy|q)\s*(iv|iii|ii|i|[1-4])$/.exec(s);
  if (m) return `-Q${ROMAN[m[1] as string] ?? m[1]}`;
  m = /^thang\s*(\d{1,2})$/.exec(s);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) return `-${String(Number(m[1])).padStart(2, '0')}`;
  m = /^6 thang (dau|cuoi)(?: nam)?$/.exec(s);
  if (m) return `-H${m[1] === 'dau' ? 1 : 2}`;
  return null;
}

export interface ReportRef {
  regimeId: number;
  regimeCode: string;
  periodKey: string;
}

export interface ReportScope {
  /** Limits the regimes a report may be inferred from (a coordinator's province). */
  where: { OR?: { province: string | null }[] };
  /** Throws when a named regime is outside the asker's scope. */
  check(regime: { code: string; province: string | null }): void;
}

export async function resolveReportRef(
  db: Db,
  opts: { regime?: string | number; period?: string; now?: Date; scope?: ReportScope },
): Promise<ReportRef> {
  const now = opts.now ?? new Date();
  let regime: { id: number; code: string };
  if (opts.regime !== undefined && String(opts.regime).trim() !== '') {
    const found = await findRegime(db, opts.regime).catch(async (e: unknown) => {
      if (!opts.scope || !isAppError(e, ErrorCode.NotFound)) throw e;
      // a coordinator is told the codes of their own province only
      const own = await listRegimeCodesWhere(db, opts.scope.where);
      const codes = own.map((r) => r.code).join(', ');
      throw new AppError(
        ErrorCode.NotFound,
        `Không tìm thấy chế độ báo cáo "${opts.regime}".` +
          (own.length ? ` Các chế độ hiện có: ${codes}.` : ' Chưa có chế độ báo cáo nào.'),
        {
          en: `No reporting regime "${opts.regime}".` + (own.length ? ` The regimes are: ${codes}.` : ' There is no reporting regime yet.'),
        },
      );
    });
    opts.scope?.check(found);
    regime = found;
  } else {
    const active = await listRegimesWhere(db, { ...opts.scope?.where });
    if (active.length === 0)
      throw new AppError(ErrorCode.NotFound, 'Chưa có chế độ báo cáo nào đang áp dụng.', { en: 'No reporting regime is in force yet.' });
    if (active.length > 1) {
      const list = active.map((r) => `${r.code} (${r.name})`).join('; ');
      throw new AppError(
        ErrorCode.InvalidInput,
        `Có ${active.length} chế độ báo cáo: ${list}. Hãy ghi rõ mã, ví dụ "báo cáo tổng hợp ${active[0]?.code} quý 4".`,
        { en: `There are ${active.length} reporting regimes: ${list}. Say which, e.g. "consolidated report ${active[0]?.code} Q4".` },
      );
    }
    regime = active[0] as { id: number; code: string };
  }
  const periods = await findRegimePeriodSpans(db, regime.id);
  if (periods.length === 0)
    throw new AppError(ErrorCode.NotFound, `Chế độ báo cáo "${regime.code}" chưa mở kỳ báo cáo nào.`, {
      en: `Reporting regime "${regime.code}" has no reporting period open yet.`,
    });
  const started = periods.filter((p) => p.startsAt.getTime() <= now.getTime());
  const pick = (list: typeof periods) => (list.find((p) => p.startsAt.getTime() <= now.getTime()) ?? list[list.length - 1])?.key;

  let key: string | undefined;
  const hint = opts.period?.trim();
  if (!hint) key = started.find((p) => p.endsAt.getTime() <= now.getTime())?.key ?? started[0]?.key ?? periods[periods.length - 1]?.key;
  else {
    const full = normalizePeriodKey(hint);
    const suffix = periodSuffix(hint);
    if (periods.some((p) => p.key === full)) key = full;
    else if (suffix) key = pick(periods.filter((p) => p.key.endsWith(suffix)));
  }
  if (!key) {
    const keys = [...periods]
      .reverse()
      .map((p) => p.key)
      .join(', ');
    throw new AppError(ErrorCode.NotFound, `Chế độ báo cáo "${regime.code}" không có kỳ "${hint}". Các kỳ hiện có: ${keys}.`, {
      en: `Reporting regime "${regime.code}" has no period "${hint}". Its periods are: ${keys}.`,
    });
  }
  return { regimeId: regime.id, regimeCode: regime.code, periodKey: key };
}
