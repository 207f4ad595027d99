// Chat renderings: a compact summary that fits one Telegram message whatever the size of the report
// (lists are shortened until it fits), and the per-item detail answered to "chi tiết <n>".
import { figureStatus, fmtChange, fmtDate, fmtNum, fmtPct, fmtValue, TIMELINESS_LABEL } from '../format.ts';
import type { ConsolidatedReport, FigureRow, TaskRow } from '../types.ts';

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

function nameList(names: string[], cap: number): string {
  const shown = names.slice(0, cap).join(', ');
  return names.length > cap ? `${shown} và ${names.length - cap} đơn vị khác` : shown;
}

function figureLine(f: FigureRow, cap: Caps): string {
  const method = f.method === 'sum' ? 'tổng' : f.method === 'mean' ? 'TB cộng' : '';
  let s = `${f.no}. ${short(f.label, cap.label)}: ${fmtValue(f.aggregate, f.unit)}${method ? ` (${method})` : ''}`;
  if (f.pctOfTarget !== null) s += ` — đạt ${fmtPct(f.pctOfTarget)} MT ${fmtValue(f.aggregateTarget, f.unit)}`;
  if (f.change) s += `; kỳ trước ${fmtValue(f.change.previous, f.unit)}, ${fmtChange(f.change, f.unit)}`;
  if (f.answered < f.expected) s += `; ${f.answered}/${f.expected} đv`;
  return s;
}

function taskLine(t: TaskRow, cap: Caps): string {
  const total = t.statuses.length;
  let s = `${t.no}. ${short(t.label, cap.label)}: ${t.counts.hoan_thanh}/${total} hoàn thành, ${t.counts.dang_trien_khai} đang triển khai`;
  if (t.counts.chua_trien_khai) s += `, ${t.counts.chua_trien_khai} chưa triển khai`;
  if (t.counts.none) s += `, ${t.counts.none} chưa báo cáo`;
  if (t.pctDone !== null) s += ` (TB ${fmtNum(t.pctDone, 0)}%)`;
  return s;
}

/** Figures worth showing when they do not all fit: the furthest below target first, then report order. */
function pickFigures(figures: FigureRow[], cap: number): FigureRow[] {
  if (figures.length <= cap) return figures;
  const ranked = [...figures].sort((a, b) => (a.pctOfTarget ?? Infinity) - (b.pctOfTarget ?? Infinity) || a.no - b.no);
  return ranked.slice(0, cap).sort((a, b) => a.no - b.no);
}

function summaryWith(r: ConsolidatedReport, cap: Caps): string {
  const t = r.totals;
  const out: string[] = [];
  out.push(`📊 BÁO CÁO TỔNG HỢP ${r.period.label.toUpperCase()}`);
  out.push(`${r.regime.name} (${r.regime.code})`);
  out.push(`Hạn nộp: ${fmtDate(r.period.deadline)}${r.previousPeriod ? ` · so sánh với ${r.previousPeriod.label}` : ''}`);
  if (r.includesDrafts) out.push('(Có tính cả số liệu đơn vị đã nhập nhưng chưa gửi.)');
  out.push('');
  if (t.notDueSummary) {
    out.push(`I. Nộp báo cáo: ${t.notDueSummary}`);
    out.push(`Đầy đủ số liệu: ${fmtPct(t.completeness)}`);
  } else {
    out.push(`I. Nộp báo cáo: ${t.submitted}/${t.agencies} đơn vị (đúng hạn ${t.onTime}, trễ ${t.late}, chưa nộp ${t.notSubmitted})`);
    out.push(`Đầy đủ số liệu: ${fmtPct(t.completeness)} · Đúng hạn: ${fmtPct(t.timeliness)}`);
  }
  const late = r.agencies.filter((a) => a.timeliness === 'late');
  if (late.length)
    out.push(
      `• Trễ hạn: ${nameList(
        late.map((a) => `${a.name} (${a.daysLate} ngày)`),
        cap.names,
      )}`,
    );
  const missing = r.agencies.filter((a) => a.timeliness === 'not_submitted' || a.timeliness === 'not_due');
  if (missing.length)
    out.push(
      `• ${t.notDueSummary ? TIMELINESS_LABEL.not_due : TIMELINESS_LABEL.not_submitted}: ${nameList(
        missing.map((a) => a.name),
        cap.names,
      )}`,
    );

  if (r.figures.length) {
    const reached = r.figures.filter((f) => f.pctOfTarget !== null && f.pctOfTarget >= 1).length;
    const withTarget = r.figures.filter((f) => f.pctOfTarget !== null).length;
    out.push('');
    out.push(`II. Chỉ tiêu (${r.figures.length}; ${reached}/${withTarget} đạt mục tiêu):`);
    const shown = pickFigures(r.figures, cap.figures);
    if (shown.length < r.figures.length) out.push(`(${shown.length} chỉ tiêu đạt thấp nhất so với mục tiêu)`);
    for (const f of shown) out.push(figureLine(f, cap));
    if (r.figures.some((f) => f.method === 'mean'))
      out.push('Tỷ lệ tổng hợp theo trung bình cộng các đơn vị (không trọng số); số lượng, kinh phí: cộng tổng.');
  }
  if (r.tasks.length) {
    out.push('');
    const done = r.tasks.reduce((a, x) => a + x.counts.hoan_thanh, 0);
    const all = r.tasks.reduce((a, x) => a + x.statuses.length, 0);
    out.push(`III. Nhiệm vụ (${r.tasks.length}; ${done}/${all} lượt đơn vị hoàn thành):`);
    for (const x of r.tasks.slice(0, cap.tasks)) out.push(taskLine(x, cap));
    if (r.tasks.length > cap.tasks) out.push(`… và ${r.tasks.length - cap.tasks} nhiệm vụ khác`);
  }
  if (r.flagged.length) {
    out.push('');
    out.push(`⚠️ Số liệu bất thường (${r.flagged.length}):`);
    for (const f of r.flagged.slice(0, cap.flagged)) {
      const note = f.note ? ` — "${short(f.note, cap.label)}"` : '';
      out.push(`• ${f.rowNo}. ${short(f.label, cap.label / 2)} — ${f.agencyName}: ${fmtValue(f.value, f.unit)} (${f.reason})${note}`);
    }
    if (r.flagged.length > cap.flagged) out.push(`… và ${r.flagged.length - cap.flagged} trường hợp khác`);
  }
  out.push('');
  const last = r.figures.length + r.tasks.length;
  out.push(`Gõ 'chi tiết <n>' (n từ 1 đến ${last}) để xem số liệu từng đơn vị, ví dụ 'chi tiết 1'.`);
  return out.join('\n');
}

/** One message: completeness, late and missing agencies, the items (shortened when many), outliers, hints. */
export function renderChatSummary(r: ConsolidatedReport, limit = CHAT_LIMIT): string {
  let text = '';
  for (const cap of CAPS) {
    text = summaryWith(r, cap);
    if (text.length <= limit) return text;
  }
  return short(text, limit);
}

/** The answer to "chi tiết <n>": each agency's value (or task status) for item n, within one message. */
export function renderItemDetail(r: ConsolidatedReport, no: number, limit = CHAT_LIMIT): string {
  const f = r.figures.find((x) => x.no === no);
  const t = r.tasks.find((x) => x.no === no);
  const last = r.figures.length + r.tasks.length;
  if (!f && !t) return `Không có mục số ${no}. Hãy gõ 'chi tiết <n>' với n từ 1 đến ${last}.`;
  const head: string[] = [];
  const lines: string[] = [];
  if (f) {
    head.push(`${f.no}. ${f.label}${f.unit ? ` (${f.unit})` : ''} — ${r.period.label}`);
    if (f.target.text || f.target.value !== null)
      head.push(`Mục tiêu: ${f.target.text ?? fmtValue(f.target.value, f.unit)}${f.target.year ? ` (năm ${f.target.year})` : ''}`);
    head.push(
      `Tổng hợp (${f.methodLabel}): ${fmtValue(f.aggregate, f.unit)}${f.pctOfTarget !== null ? `, đạt ${fmtPct(f.pctOfTarget)} mục tiêu` : ''}`,
    );
    for (const v of f.values) {
      let s = `• ${v.agencyName}: `;
      if (v.value !== null) {
        s += fmtValue(v.value, f.unit);
        if (v.pctOfTarget !== null) s += ` (${fmtPct(v.pctOfTarget)} MT)`;
        if (v.change) s += `, kỳ trước ${fmtValue(v.change.previous, f.unit)}`;
        if (v.outlier) s += ' ⚠️';
        if (v.draft) s += ' [chưa gửi]';
      } else s += figureStatus(v).toLowerCase();
      if (v.note) s += ` — ${short(v.note, 120)}`;
      lines.push(s);
    }
  } else if (t) {
    head.push(`${t.no}. ${t.label} — ${r.period.label}`);
    head.push(taskLine(t, CAPS[0] as Caps).replace(/^\d+\. .*?: /, 'Tình hình: '));
    for (const s of t.statuses) {
      let line = `• ${s.agencyName}: ${s.statusLabel}`;
      if (s.percentDone !== null && s.status === 'dang_trien_khai') line += ` (${fmtNum(s.percentDone, 0)}%)`;
      if (s.draft) line += ' [chưa gửi]';
      if (s.note) line += ` — ${short(s.note, 120)}`;
      lines.push(line);
    }
  }
  const out = [...head, ''];
  let used = out.join('\n').length + 80;
  let shown = 0;
  for (const l of lines) {
    if (used + l.length + 1 > limit) break;
    out.push(l);
    used += l.length + 1;
    shown += 1;
  }
  if (shown < lines.length) out.push(`… và ${lines.length - shown} đơn vị khác (xem tệp Excel, trang "Theo đơn vị").`);
  return out.join('\n');
}
