// Markdown: the whole report with per-agency detail, for reading in a chat that renders Markdown or in a repo.
import {
  agencyProgressCells,
  figureStatus,
  fmtChange,
  fmtDate,
  fmtDateTime,
  fmtNum,
  fmtPct,
  fmtValue,
  reportSubject,
  stateLabel,
} from '../format.ts';
import type { AgencyText, ConsolidatedReport } from '../types.ts';

const cell = (s: string | number | null | undefined): string =>
  s === null || s === undefined || s === '' ? '–' : String(s).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

function table(headers: string[], rows: (string | number | null | undefined)[][]): string {
  return [
    `| ${headers.join(' | ')} |`,
    `|${headers.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}

/** The trích yếu: "Kết quả thực hiện Kế hoạch … quý IV năm 2026" (see `reportSubject`). */
export function reportTitle(r: ConsolidatedReport): string {
  return reportSubject(r.regime.name, r.period.label);
}

/** An agency's free-text answer, or its state with the reason. */
export function textAnswer(a: AgencyText): string {
  return a.state ? stateLabel(a.state, a.note) : `${a.text ?? ''}${a.draft ? ' (chưa gửi)' : ''}`;
}

/** The title and the report's metadata lines. */
function headerLines(r: ConsolidatedReport): string[] {
  return [
    `# Báo cáo ${reportTitle(r).replace(/^K/, 'k')}`,
    '',
    `- Chế độ báo cáo: ${r.regime.code} — ${r.regime.name}`,
    `- Kỳ báo cáo: ${r.period.label} (${fmtDate(r.period.startsAt)} – ${fmtDate(r.period.endsAt)}), hạn nộp ${fmtDate(r.period.deadline)}`,
    ...(r.previousPeriod ? [`- So sánh với: ${r.previousPeriod.label}`] : []),
    `- Lập lúc: ${fmtDateTime(r.generatedAt)}${r.includesDrafts ? ' (có tính số liệu chưa gửi)' : ''}`,
  ];
}

/** I. Who submitted, when, how completely. */
function submissionLines(r: ConsolidatedReport): string[] {
  const t = r.totals;
  const summary = t.notDueSummary
    ? `${t.agencies} đơn vị: ${t.notDueSummary}. Tỷ lệ đầy đủ số liệu ${fmtPct(t.completeness)}.`
    : `${t.submitted}/${t.agencies} đơn vị đã nộp: đúng hạn ${t.onTime}, trễ hạn ${t.late}, chưa nộp ${t.notSubmitted}. ` +
      `Tỷ lệ đầy đủ số liệu ${fmtPct(t.completeness)}, tỷ lệ đúng hạn ${fmtPct(t.timeliness)}.`;
  const rows = r.agencies.map(agencyProgressCells);
  return [
    '',
    '## I. Tình hình nộp báo cáo',
    '',
    summary,
    '',
    table(['STT', 'Đơn vị', 'Tình trạng', 'Thời điểm nộp', 'Đã trả lời', 'Đầy đủ'], rows),
  ];
}

/** II. The figures: the overview table, then each figure per agency. */
function figureLines(r: ConsolidatedReport): string[] {
  const overview = r.figures.map((f) => [
    f.no,
    f.label,
    f.unit,
    f.target.text ?? fmtValue(f.target.value, f.unit),
    fmtValue(f.aggregate, f.unit),
    f.methodLabel,
    fmtPct(f.pctOfTarget),
    f.change ? fmtValue(f.change.previous, f.unit) : null,
    fmtChange(f.change, f.unit),
  ]);
  const out = [
    '',
    '## II. Kết quả thực hiện các chỉ tiêu',
    '',
    table(['STT', 'Chỉ tiêu', 'ĐVT', 'Mục tiêu', 'Kết quả', 'Cách tổng hợp', '% mục tiêu', 'Kỳ trước', 'Thay đổi'], overview),
  ];
  for (const f of r.figures) {
    const rows = f.values.map((v) => [
      v.agencyName,
      v.value !== null ? `${fmtValue(v.value, f.unit)}${v.outlier ? ' ⚠️' : ''}${v.draft ? ' (chưa gửi)' : ''}` : figureStatus(v),
      fmtPct(v.pctOfTarget),
      v.change ? fmtValue(v.change.previous, f.unit) : null,
      v.note,
    ]);
    out.push('', `### ${f.no}. ${f.label}`, '', table(['Đơn vị', 'Giá trị', '% mục tiêu', 'Kỳ trước', 'Ghi chú'], rows));
  }
  return out;
}

/** III. Each task: the counts per status, then each agency's status. */
function taskLines(r: ConsolidatedReport): string[] {
  if (!r.tasks.length) return [];
  const out = ['', '## III. Tình hình thực hiện nhiệm vụ'];
  for (const x of r.tasks) {
    const counts =
      `Hoàn thành ${x.counts.hoan_thanh}, đang triển khai ${x.counts.dang_trien_khai}, chưa triển khai ${x.counts.chua_trien_khai}, ` +
      `chưa báo cáo ${x.counts.none}` +
      (x.pctDone !== null ? `; trung bình ${fmtNum(x.pctDone, 1)}% khối lượng.` : '.');
    const rows = x.statuses.map((s) => [
      s.agencyName,
      s.statusLabel + (s.draft ? ' (chưa gửi)' : ''),
      s.percentDone === null ? null : `${fmtNum(s.percentDone, 0)}%`,
      s.note,
    ]);
    out.push('', `### ${x.no}. ${x.label}`, '', counts, '', table(['Đơn vị', 'Trạng thái', '% hoàn thành', 'Ghi chú'], rows));
  }
  return out;
}

/** The agencies' free-text answers, then the flagged figures and the note on aggregation. */
function closingLines(r: ConsolidatedReport): string[] {
  const out: string[] = [];
  if (r.texts.length) {
    out.push('', '## Ý kiến của các đơn vị');
    for (const x of r.texts) {
      const lines = x.answers.filter((a) => a.text || a.state).map((a) => `- ${a.agencyName}: ${textAnswer(a)}`);
      out.push('', `### ${x.label}`, '', lines.length ? lines.join('\n') : 'Không có.');
    }
  }
  if (r.flagged.length) {
    const rows = r.flagged.map((f) => [
      `${f.rowNo}. ${f.label}`,
      f.agencyName,
      fmtValue(f.value, f.unit),
      fmtValue(f.previous, f.unit),
      f.reason,
      f.note,
    ]);
    out.push('', '## Số liệu bất thường', '', table(['Mục', 'Đơn vị', 'Giá trị', 'Kỳ trước', 'Lý do', 'Giải trình'], rows));
  }
  if (r.figures.length) {
    out.push(
      '',
      '_Ghi chú: chỉ tiêu tỷ lệ tổng hợp theo trung bình cộng của các đơn vị (không trọng số); số lượng và kinh phí cộng tổng._',
    );
  }
  return out;
}

export function renderMarkdown(r: ConsolidatedReport): string {
  return [...headerLines(r), ...submissionLines(r), ...figureLines(r), ...taskLines(r), ...closingLines(r)].join('\n') + '\n';
}
