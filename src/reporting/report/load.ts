// Reading what a consolidated report needs from the database: the regime (by code or id), the period (by key),
// the period just before it, the regime's items with their agencies, and the submissions with answers.
import { issuingBodyOf } from './issuer.ts';
import type { Db } from '../../db/client.ts';
import { findRegimePeriods } from '../repo/periods.ts';
import { findReportItems } from '../repo/regime-items.ts';
import { findRegimeById, findRegimeByCode, findRegimeOrThrow, listRegimeNames } from '../repo/regimes.ts';
import { findReportSubmissions } from '../repo/submissions.ts';
import { AppError, ErrorCode } from '../../core/errors.ts';
import { fold } from '../../core/text.ts';

/** "2026-q4", "Q4/2026", "quý 4/2026", "quy IV 2026" → "2026-Q4"; "6 tháng đầu 2026" → "2026-H1"; others unchanged. */
export function normalizePeriodKey(input: string): string {
  const s = fold(input).replace(/\s+/g, ' ').trim();
  const roman: Record<string, string> = { i: '1', ii: '2', iii: '3', iv: '4' };
  let m = /^(\d{4})-?q([1-4])$/.exec(s.replace(/\s/g, ''));
  if (m) return `${m[1]}-Q${m[2]}`;
  m = /^(?:q|quy)\s*([1-4]|iv|iii|ii|i)\s*[/\-\s]\s*(?:nam\s*)?(\d{4})$/.exec(s);
  if (m) return `${m[2]}-Q${roman[m[1] as string] ?? m[1]}`;
  m = /^(\d{4})-?h([12])$/.exec(s.replace(/\s/g, ''));
  if (m) return `${m[1]}-H${m[2]}`;
  m = /^6 thang (dau|cuoi) (?:nam )?(\d{4})$/.exec(s);
  if (m) return `${m[2]}-H${m[1] === 'dau' ? 1 : 2}`;
  m = /^(\d{4})-(\d{1,2})$/.exec(s);
  if (m) return `${m[1]}-${String(Number(m[2])).padStart(2, '0')}`;
  m = /^(?:nam )?(\d{4})$/.exec(s);
  if (m) return m[1] as string;
  return input.trim();
}

export async function findRegime(db: Db, ref: string | number) {
  const asId = typeof ref === 'number' ? ref : /^\d+$/.test(ref.trim()) ? Number(ref.trim()) : null;
  if (asId !== null) {
    const byId = await findRegimeById(db, asId);
    if (byId) return byId;
  }
  if (typeof ref === 'string') {
    const byCode = await findRegimeByCode(db, ref.trim());
    if (byCode) return byCode;
    const all = await listRegimeNames(db);
    const f = fold(ref);
    const hit = all.find((r) => fold(r.code) === f) ?? all.find((r) => fold(r.name) === f);
    if (hit) return findRegimeOrThrow(db, hit.id);
    const codes = all.map((r) => r.code).join(', ');
    throw new AppError(
      ErrorCode.NotFound,
      `Không tìm thấy chế độ báo cáo "${ref}".` + (all.length ? ` Các chế độ hiện có: ${codes}.` : ' Chưa có chế độ báo cáo nào.'),
      { en: `No reporting regime "${ref}".` + (all.length ? ` The regimes are: ${codes}.` : ' There is no reporting regime yet.') },
    );
  }
  throw new AppError(ErrorCode.NotFound, `Không tìm thấy chế độ báo cáo số ${ref}.`, { en: `No reporting regime number ${ref}.` });
}

export async function loadReportData(db: Db, regimeRef: string | number, periodRef: string) {
  const regime = await findRegime(db, regimeRef);
  const periods = await findRegimePeriods(db, regime.id);
  const key = normalizePeriodKey(periodRef);
  const idx = periods.findIndex((p) => p.key === key || p.key.toLowerCase() === periodRef.trim().toLowerCase());
  const period = periods[idx];
  if (!period) {
    const keys = periods.map((p) => p.key).join(', ');
    throw new AppError(
      ErrorCode.NotFound,
      `Chế độ báo cáo "${regime.code}" không có kỳ "${periodRef}".` +
        (periods.length ? ` Các kỳ hiện có: ${keys}.` : ' Chế độ này chưa mở kỳ báo cáo nào.'),
      {
        en:
          `Reporting regime "${regime.code}" has no period "${periodRef}".` +
          (periods.length ? ` Its periods are: ${keys}.` : ' It has no reporting period open yet.'),
      },
    );
  }
  const previous = idx > 0 ? (periods[idx - 1] ?? null) : null;
  const items = await findReportItems(db, regime.id);
  const periodIds = previous ? [period.id, previous.id] : [period.id];
  const submissions = await findReportSubmissions(db, periodIds);
  const issuingBody = await issuingBodyOf(db, regime, period.endsAt);
  return { regime, period, previous, items, submissions, issuingBody };
}

export type ReportData = Awaited<ReturnType<typeof loadReportData>>;
export type LoadedItem = ReportData['items'][number];
export type LoadedSubmission = ReportData['submissions'][number];
export type LoadedAnswer = LoadedSubmission['answers'][number];
