// "Lịch sử báo cáo": one agency's reports across periods — what was submitted when, on time or not, how complete,
// and how its figures moved from period to period. Used by officials for their own agency.
import type { Db } from '../../db/client.ts';
import { findHistoryPeriods } from '../repo/periods.ts';
import { findAgencyBrief } from '../repo/people.ts';
import { findAgencyHistoryItems } from '../repo/regime-items.ts';
import { predecessorIds } from '../../users/agency.ts';
import { AppError, ErrorCode } from '../../core/errors.ts';
import { timelinessOf, valueKindOf } from './compute.ts';
import { isAnswerState, type AnswerState, type ItemKind } from '../../core/types.ts';
import { NOT_REPORTED, periodLabel, SKIPPED, stateLabel, TASK_STATUS_LABEL } from './format.ts';
import { findRegime } from './load.ts';
import { CHAT_LIMIT, short } from './render/chat.ts';
import { HISTORY_TEXT, type HistoryWords } from './history-text.ts';
import { REPORT_WORDS } from './report-words.ts';
import type { Locale } from '../../core/i18n.ts';
import type { SubmissionState, TaskStatusKey, Timeliness, ValueKind } from './types.ts';

export interface HistoryValue {
  itemId: number;
  label: string;
  unit: string | null;
  itemKind: ItemKind;
  valueKind: ValueKind;
  target: number | null;
  value: number | null;
  valueText: string | null;
  status: TaskStatusKey | null;
  /** "Chưa có số liệu" / "Không áp dụng" (reason in `note`). */
  state: AnswerState | null;
  statusLabel: string | null;
  percentDone: number | null;
  note: string | null;
  skipped: boolean;
}

export interface HistoryEntry {
  regimeCode: string;
  regimeName: string;
  periodKey: string;
  periodLabel: string;
  deadline: Date;
  periodStatus: string; // open | locked | approved
  state: SubmissionState;
  submittedAt: Date | null;
  timeliness: Timeliness;
  timelinessLabel: string;
  daysLate: number | null;
  /** Not sent and its deadline not passed yet ("còn hạn"). */
  stillDue: boolean;
  expected: number;
  answered: number;
  skipped: number;
  values: HistoryValue[];
}

export interface AgencyHistory {
  agency: { id: number; key: string; name: string };
  /** Newest period first, grouped by regime in the order of their newest period. */
  entries: HistoryEntry[];
}

const noAgency = () =>
  new AppError(ErrorCode.NotFound, 'Không tìm thấy đơn vị của bạn trong danh sách đơn vị báo cáo.', {
    en: 'Your agency is not among the reporting agencies.',
  });

export async function agencyHistory(db: Db, opts: { agencyId: number; regime?: string | number; now?: Date }): Promise<AgencyHistory> {
  const now = opts.now ?? new Date();
  const agency = await findAgencyBrief(db, opts.agencyId);
  if (!agency) throw noAgency();
  const regimeFilter = opts.regime !== undefined ? { id: (await findRegime(db, opts.regime)).id } : {};
  // Figures reported by the agencies merged into this one (Sở TT&TT before 01/3/2025) are its history too.
  const ids = [agency.id, ...(await predecessorIds(db, agency.id))];
  const items = await findAgencyHistoryItems(db, agency.id, regimeFilter);
  const regimeIds = [...new Set(items.map((i) => i.regimeId))];
  const periods = await findHistoryPeriods(db, regimeIds, now, ids);
  const entries: HistoryEntry[] = periods.map((p) => {
    const own = items.filter((i) => i.regimeId === p.regimeId);
    // Its own submission first; for a period before the merger, the predecessor's.
    const sub = p.submissions.find((x) => x.agencyId === agency.id) ?? p.submissions[0];
    const state: SubmissionState = sub ? (sub.status === 'submitted' ? 'submitted' : 'draft') : 'none';
    const { timeliness, daysLate } = timelinessOf(state, sub?.submittedAt ?? null, p.deadline);
    const byItem = new Map((sub?.answers ?? []).map((a) => [a.itemId, a]));
    const values: HistoryValue[] = own.map((i) => {
      const a = byItem.get(i.id);
      const status = a && !a.skipped && a.status && a.status in TASK_STATUS_LABEL ? (a.status as TaskStatusKey) : null;
      const answerState = a && !a.skipped && isAnswerState(a.status) ? a.status : null;
      const itemKind: ItemKind = i.kind === 'task_status' || i.kind === 'text' ? i.kind : 'figure';
      return {
        itemId: i.id,
        label: i.label,
        unit: i.unit,
        itemKind,
        valueKind: valueKindOf(i.valueKind, i.unit),
        target: i.targetValue,
        value: a && !a.skipped && !answerState ? a.value : null,
        valueText: a?.valueText ?? null,
        status,
        state: answerState,
        statusLabel:
          i.kind === 'task_status'
            ? status
              ? TASK_STATUS_LABEL[status]
              : answerState
                ? stateLabel(answerState)
                : a?.skipped
                  ? SKIPPED
                  : NOT_REPORTED
            : null,
        percentDone: a?.percentDone ?? null,
        note: a?.note ?? null,
        skipped: a?.skipped ?? false,
      };
    });
    const stillDue = timeliness === 'not_submitted' && now.getTime() <= p.deadline.getTime();
    const label = HISTORY_TEXT('vi').timeliness({ timeliness, daysLate, state, stillDue }, REPORT_WORDS('vi'));
    const regime = own[0]?.regime ?? { code: '', name: '' };
    return {
      regimeCode: regime.code,
      regimeName: regime.name,
      periodKey: p.key,
      periodLabel: periodLabel(p.key),
      deadline: p.deadline,
      periodStatus: p.status,
      state,
      submittedAt: state === 'submitted' ? (sub?.submittedAt ?? null) : null,
      timeliness,
      timelinessLabel: label,
      daysLate,
      stillDue,
      expected: own.length,
      answered: values.filter((v) => v.value !== null || v.status !== null || v.state !== null || (v.itemKind === 'text' && v.valueText))
        .length,
      skipped: values.filter((v) => v.skipped).length,
      values,
    };
  });
  return { agency, entries };
}

function valueText(v: HistoryValue, { w }: HistoryWords): string {
  if (v.state) return w.state(v.state, v.note);
  const skipped = w.skipped.toLowerCase();
  if (v.itemKind === 'text') return v.skipped ? skipped : v.valueText ? short(v.valueText, 80) : '–';
  if (v.itemKind === 'task_status') {
    const pct = v.status === 'dang_trien_khai' && v.percentDone !== null ? ` (${w.num(v.percentDone, 0)}%)` : '';
    return `${v.status ? w.status(v.status) : v.skipped ? w.skipped : w.notReported}${pct}`;
  }
  if (v.skipped) return skipped;
  return v.value === null ? '–' : w.value(v.value, v.unit);
}

/** A period's line: its state (late, not sent, still due), when, how many items, locked or approved. */
function periodLine(e: HistoryEntry, { T, w }: HistoryWords): string {
  const state = T.timeliness(e, w);
  const when = e.submittedAt ? T.sent(w.date(e.submittedAt)) : T.due(w.date(e.deadline));
  const skipped = e.skipped ? T.skipped(e.skipped) : '';
  const locked = e.periodStatus === 'locked' ? T.locked : e.periodStatus === 'approved' ? T.approved : '';
  return `• ${w.period(e.periodKey)}: ${state} (${when}); ${T.items(e.answered, e.expected)}${skipped}${locked}`;
}

/** One regime's periods (newest first), its latest values and each figure's trend over the last four periods. */
function regimeLines(list: HistoryEntry[], maxPeriods: number, words: HistoryWords): string[] {
  const { T, w } = words;
  const first = list[0] as HistoryEntry;
  const out = ['', `${first.regimeName} (${first.regimeCode}):`];
  for (const e of list.slice(0, maxPeriods)) out.push(periodLine(e, words));
  if (list.length > maxPeriods) out.push(T.earlier(list.length - maxPeriods));
  out.push(T.figures(w.period(first.periodKey)));
  for (const v of first.values) out.push(`  - ${short(v.label, 60)}: ${valueText(v, words)}`);
  const trend = first.values.filter((v) => v.itemKind === 'figure');
  if (list.length > 1 && trend.length) {
    out.push(T.trend);
    const shown = list.slice(0, 4).reverse();
    for (const v of trend) {
      const series = shown.map((e) => {
        const x = e.values.find((y) => y.itemId === v.itemId);
        return x ? valueText(x, words) : '–';
      });
      out.push(`  - ${short(v.label, 50)}: ${series.join(' → ')}`);
    }
  }
  return out;
}

/** Chat text: each period's status (newest first), the latest values, and each figure's trend over periods. */
export function renderAgencyHistory(h: AgencyHistory, opts: { periods?: number; limit?: number; locale?: Locale | null } = {}): string {
  const limit = opts.limit ?? CHAT_LIMIT;
  const maxPeriods = opts.periods ?? 6;
  const words: HistoryWords = { T: HISTORY_TEXT(opts.locale), w: REPORT_WORDS(opts.locale) };
  if (h.entries.length === 0) return `${words.T.title(h.agency.name)}\n${words.T.none}`;
  const out: string[] = [words.T.title(h.agency.name)];
  for (const code of new Set(h.entries.map((e) => e.regimeCode)))
    out.push(
      ...regimeLines(
        h.entries.filter((e) => e.regimeCode === code),
        maxPeriods,
        words,
      ),
    );
  const text = out.join('\n');
  return text.length <= limit ? text : `${text.slice(0, limit - 60).replace(/\n[^\n]*$/, '')}\n${words.T.more}`;
}
