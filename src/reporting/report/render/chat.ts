// Chat renderings: a compact summary that fits one Telegram message whatever the size of the report
// (lists are shortened until it fits), and the per-item detail answered to "chi tiết <n>", in the reader's language.
import type { Locale } from '../../../core/i18n.ts';
import { figureStatusIn, REPORT_WORDS, taskStatusIn, type ReportWords } from '../report-words.ts';
import type { ConsolidatedReport, FigureRow, TaskRow } from '../types.ts';
import { CHAT_REPORT_TEXT } from './chat-text.ts';

/** How a chat rendering is written: at most `limit` characters (default CHAT_LIMIT), in `locale` (default Vietnamese). */
export interface ChatOptions {
  limit?: number;
  locale?: Locale | null;
}

interface Words {
  T: ReturnType<typeof CHAT_REPORT_TEXT>;
  w: ReportWords;
}
const wordsFor = (locale?: Locale | null): Words => ({ T: CHAT_REPORT_TEXT(locale), w: REPORT_WORDS(locale) });

/** Telegram allows 4096 characters; we keep a margin for a channel's own prefix or buttons. */
export const CHAT_LIMIT = 3500;

interface Caps {
  names: number;
  figures: number;
  tasks: number;
  flagged: number;
  label: number;
}

const CAPS: Caps[] = [
  { names: 12, figures: 20, tasks: 10, flagged: 6, label: 80 },
  { names: 8, figures: 12, tasks: 6, flagged: 4, label: 60 },
  { names: 5, figures: 8, tasks: 4, flagged: 3, label: 50 },
  { names: 3, figures: 5, tasks: 3, flagged: 2, label: 40 },
  { names: 2, figures: 3, tasks: 2, flagged: 1, label: 32 },
];

export function short(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1).trimEnd()}…`;
}

function nameList(names: string[], cap: number, { T }: Words): string {
  const shown = names.slice(0, cap).join(', ');
  return names.length > cap ? T.others(shown, names.length - cap) : shown;
}

function figureLine(f: FigureRow, cap: Caps, { T, w }: Words): string {
  const method = f.method === 'sum' ? T.sumWord : f.method === 'mean' ? T.meanWord : '';
  let s = `${f.no}. ${short(f.label, cap.label)}: ${w.value(f.aggregate, f.unit)}${method ? ` (${method})` : ''}`;
  if (f.pctOfTarget !== null) s += T.ofTarget(w.pct(f.pctOfTarget), w.value(f.aggregateTarget, f.unit));
  if (f.change) s += T.previous(w.value(f.change.previous, f.unit), w.change(f.change, f.unit));
  if (f.answered < f.expected) s += T.answered(f.answered, f.expected);
  return s;
}

/** "1/4 hoàn thành, 1 đang triển khai, 1 chưa triển khai, 1 chưa báo cáo (TB 60%)" */
function taskCounts(t: TaskRow, { T, w }: Words): string {
  let s = T.taskCounts(t.counts.hoan_thanh, t.statuses.length, t.counts.dang_trien_khai);
  if (t.counts.chua_trien_khai) s += T.notStarted(t.counts.chua_trien_khai);
  if (t.counts.none) s += T.notReported(t.counts.none);
  if (t.pctDone !== null) s += T.meanDone(w.num(t.pctDone, 0));
  return s;
}

const taskLine = (t: TaskRow, cap: Caps, words: Words): string => `${t.no}. ${short(t.label, cap.label)}: ${taskCounts(t, words)}`;

/** Figures worth showing when they do not all fit: the furthest below target first, then report order. */
function pickFigures(figures: FigureRow[], cap: number): FigureRow[] {
  if (figures.length <= cap) return figures;
  const ranked = [...figures].sort((a, b) => (a.pctOfTarget ?? Infinity) - (b.pctOfTarget ?? Infinity) || a.no - b.no);
  return ranked.slice(0, cap).sort((a, b) => a.no - b.no);
}

/** I. Who sent, on time or late, and who has not. */
function submissionLines(r: ConsolidatedReport, cap: Caps, words: Words): string[] {
  const { T, w } = words;
  const t = r.totals;
  const out: string[] = [];
  if (t.notDueSummary) {
    const sent = t.onTime + t.late;
    out.push(T.notDue(sent, t.agencies, w.pct(t.agencies ? sent / t.agencies : 0, 0)), T.complete(w.pct(t.completeness)));
  } else {
    out.push(T.submitted(t.submitted, t.agencies, t.onTime, t.late, t.notSubmitted), T.rates(w.pct(t.completeness), w.pct(t.timeliness)));
  }
  const late = r.agencies.filter((a) => a.timeliness === 'late');
  if (late.length)
    out.push(
      T.lateList(
        nameList(
          late.map((a) => T.daysLate(a.name, a.daysLate ?? 0)),
          cap.names,
          words,
        ),
      ),
    );
  const missing = r.agencies.filter((a) => a.timeliness === 'not_submitted' || a.timeliness === 'not_due');
  if (missing.length) {
    const label = w.timeliness(t.notDueSummary ? 'not_due' : 'not_submitted');
    out.push(
      `• ${label}: ${nameList(
        missing.map((a) => a.name),
        cap.names,
        words,
      )}`,
    );
  }
  return out;
}

/** II. The figures (the furthest below target when not all fit). */
function figureLines(r: ConsolidatedReport, cap: Caps, words: Words): string[] {
  if (!r.figures.length) return [];
  const { T } = words;
  const reached = r.figures.filter((f) => f.pctOfTarget !== null && f.pctOfTarget >= 1).length;
  const withTarget = r.figures.filter((f) => f.pctOfTarget !== null).length;
  const out = ['', T.figures(r.figures.length, reached, withTarget)];
  const shown = pickFigures(r.figures, cap.figures);
  if (shown.length < r.figures.length) out.push(T.lowest(shown.length));
  for (const f of shown) out.push(figureLine(f, cap, words));
  if (r.figures.some((f) => f.method === 'mean')) out.push(T.meanNote);
  return out;
}

/** III. The tasks, then the unusual figures. */
function taskAndFlagLines(r: ConsolidatedReport, cap: Caps, words: Words): string[] {
  const { T, w } = words;
  const out: string[] = [];
  if (r.tasks.length) {
    const done = r.tasks.reduce((a, x) => a + x.counts.hoan_thanh, 0);
    const all = r.tasks.reduce((a, x) => a + x.statuses.length, 0);
    out.push('', T.tasks(r.tasks.length, done, all));
    for (const x of r.tasks.slice(0, cap.tasks)) out.push(taskLine(x, cap, words));
    if (r.tasks.length > cap.tasks) out.push(T.moreTasks(r.tasks.length - cap.tasks));
  }
  if (r.flagged.length) {
    out.push('', T.flagged(r.flagged.length));
    for (const f of r.flagged.slice(0, cap.flagged)) {
      const note = f.note ? ` — "${short(f.note, cap.label)}"` : '';
      out.push(`• ${f.rowNo}. ${short(f.label, cap.label / 2)} — ${f.agencyName}: ${w.value(f.value, f.unit)} (${w.why(f.why)})${note}`);
    }
    if (r.flagged.length > cap.flagged) out.push(T.moreFlagged(r.flagged.length - cap.flagged));
  }
  return out;
}

function summaryWith(r: ConsolidatedReport, cap: Caps, words: Words): string {
  const { T, w } = words;
  const out: string[] = [T.title(w.period(r.period.key)), `${r.regime.name} (${r.regime.code})`];
  out.push(T.deadline(w.date(r.period.deadline), r.previousPeriod ? w.period(r.previousPeriod.key) : null));
  if (r.includesDrafts) out.push(T.drafts);
  out.push('', ...submissionLines(r, cap, words), ...figureLines(r, cap, words), ...taskAndFlagLines(r, cap, words));
  out.push('', T.hint(r.figures.length + r.tasks.length));
  return out.join('\n');
}

/** One message: completeness, late and missing agencies, the items (shortened when many), outliers, hints. */
export function renderChatSummary(r: ConsolidatedReport, opts: ChatOptions = {}): string {
  const limit = opts.limit ?? CHAT_LIMIT;
  const words = wordsFor(opts.locale);
  let text = '';
  for (const cap of CAPS) {
    text = summaryWith(r, cap, words);
    if (text.length <= limit) return text;
  }
  return short(text, limit);
}

/** The head and one line per agency for a figure row. */
function figureDetail(r: ConsolidatedReport, f: FigureRow, { T, w }: Words): { head: string[]; lines: string[] } {
  const head = [`${f.no}. ${f.label}${f.unit ? ` (${f.unit})` : ''} — ${w.period(r.period.key)}`];
  if (f.target.text || f.target.value !== null) head.push(T.target(f.target.text ?? w.value(f.target.value, f.unit), f.target.year));
  head.push(T.aggregate(w.method(f.method), w.value(f.aggregate, f.unit), f.pctOfTarget !== null ? w.pct(f.pctOfTarget) : null));
  const lines = f.values.map((v) => {
    let s = `• ${v.agencyName}: `;
    if (v.value !== null) {
      s += w.value(v.value, f.unit);
      if (v.pctOfTarget !== null) s += T.agencyOfTarget(w.pct(v.pctOfTarget));
      if (v.change) s += T.agencyPrevious(w.value(v.change.previous, f.unit));
      if (v.outlier) s += ' ⚠️';
      if (v.draft) s += T.draft;
    } else s += figureStatusIn(w, v).toLowerCase();
    if (v.note) s += ` — ${short(v.note, 120)}`;
    return s;
  });
  return { head, lines };
}

/** The head and one line per agency for a task row. */
function taskDetail(r: ConsolidatedReport, t: TaskRow, words: Words): { head: string[]; lines: string[] } {
  const { T, w } = words;
  const head = [`${t.no}. ${t.label} — ${w.period(r.period.key)}`, T.progress(taskCounts(t, words))];
  const lines = t.statuses.map((s) => {
    let line = `• ${s.agencyName}: ${taskStatusIn(w, s)}`;
    if (s.percentDone !== null && s.status === 'dang_trien_khai') line += ` (${w.num(s.percentDone, 0)}%)`;
    if (s.draft) line += T.draft;
    if (s.note) line += ` — ${short(s.note, 120)}`;
    return line;
  });
  return { head, lines };
}

/** The answer to "chi tiết <n>": each agency's value (or task status) for item n, within one message. */
export function renderItemDetail(r: ConsolidatedReport, no: number, opts: ChatOptions = {}): string {
  const limit = opts.limit ?? CHAT_LIMIT;
  const words = wordsFor(opts.locale);
  const f = r.figures.find((x) => x.no === no);
  const t = r.tasks.find((x) => x.no === no);
  if (!f && !t) return words.T.noItem(no, r.figures.length + r.tasks.length);
  const { head, lines } = f ? figureDetail(r, f, words) : taskDetail(r, t!, words);
  const out = [...head, ''];
  let used = out.join('\n').length + 80;
  let shown = 0;
  for (const l of lines) {
    if (used + l.length + 1 > limit) break;
    out.push(l);
    used += l.length + 1;
    shown += 1;
  }
  if (shown < lines.length) out.push(words.T.moreAgencies(lines.length - shown));
  return out.join('\n');
}
