// Appendix task tables (pipe or tab separated): "STT | Tên nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Kết quả |
// Thời gian hoàn thành". Header names vary; they are matched folded. Rows before a recognised header are ignored.
import type { AgencyRef, ParsedTask } from '../../core/types.ts';
import type { MentionFinder } from './mentions.ts';
import { isGroup } from './owners.ts';
import { collapse, foldKeep } from './vn.ts';

interface Columns {
  task: number;
  lead: number;
  coord: number;
  result: number;
  deadline: number;
}

function columnsOf(row: string[]): Columns | null {
  const f = row.map((c) => foldKeep(c).replace(/\s+/g, ' ').trim());
  const find = (re: RegExp, not?: RegExp) => f.findIndex((c) => re.test(c) && !(not && not.test(c)));
  const lead = find(/chu tri|(?:co quan|don vi) (?:thuc hien|thuc hien chinh|dau moi)|^don vi thuc hien|^co quan thuc hien/, /phoi hop/);
  const task = find(/nhiem vu|noi dung|ten (?:de an|du an|cong viec|hoat dong)|^hoat dong|^cong viec/, /chu tri|phoi hop/);
  if (lead < 0 || task < 0) return null;
  return {
    task,
    lead,
    coord: find(/phoi hop/),
    result: find(/ket qua|san pham/),
    deadline: find(/thoi gian|thoi han|tien do|han hoan thanh/),
  };
}

function splitAgencies(cell: string, finder: MentionFinder): AgencyRef[] {
  // Names the finder reads whole first ("Sở Văn hóa, Thể thao và Du lịch" has a comma of its own).
  const whole = collapse(cell);
  const found = finder.list(whole, 0);
  if (found.length && found[found.length - 1]!.end >= whole.replace(/[.;,\s]+$/, '').length) return found.map((m) => m.ref);
  const parts = cell
    .split(
      /\s*(?:;|\n|,(?!\s*(?:ban|ngành|huyện|thành phố|thị xã|phường|thị trấn|Viễn thông)(?!\p{L}))|\s+và\s+(?=(?:Sở|Ban|Bộ|UBND|Ủy ban|Đài|Báo|Công an|Văn phòng|các)(?!\p{L})))\s*/u,
    )
    .map((p) => collapse(p))
    .filter(Boolean);
  return parts.map((p) => {
    const m = finder.at(p, 0);
    return m && m.end >= p.length - 1 ? m.ref : { asWritten: p, key: null };
  });
}

function continueRow(t: ParsedTask, row: string[], cols: Columns, finder: MentionFinder): void {
  const more = (i: number) => (i >= 0 ? collapse(row[i] ?? '') : '');
  const [task, result, deadline] = [more(cols.task), more(cols.result), more(cols.deadline)];
  const k = t.text.indexOf(' (Kết quả: ');
  const base = k >= 0 ? t.text.slice(0, k) : t.text;
  const res = k >= 0 ? t.text.slice(k + 11, -1) : '';
  const joinedRes = collapse(`${res} ${result}`);
  t.text = collapse(`${base} ${task}`) + (joinedRes ? ` (Kết quả: ${joinedRes})` : '');
  if (deadline) t.deadline = collapse(`${t.deadline ?? ''} ${deadline}`);
  if (cols.coord >= 0 && more(cols.coord)) t.coordinators.push(...splitAgencies(row[cols.coord] ?? '', finder));
}

export function tableTasks(rows: string[][], section: number, finder: MentionFinder): ParsedTask[] {
  const out: ParsedTask[] = [];
  let cols: Columns | null = null;
  for (const row of rows) {
    if (!cols) {
      cols = columnsOf(row);
      continue;
    }
    // The header again where a new group of rows starts ("Nội dung | Đơn vị thực hiện | …"): no task.
    if (columnsOf(row) && row.every((c) => collapse(c).split(' ').length <= 6)) continue;
    const task = collapse(row[cols.task] ?? '');
    const leadCell = collapse(row[cols.lead] ?? '');
    const last = out[out.length - 1];
    if (last && !leadCell && !(row[0] ?? '').trim() && row.some((c) => c.trim())) {
      // A cell that wrapped onto the next row (no number, no lead): it continues the task above.
      continueRow(last, row, cols, finder);
      continue;
    }
    if (!task || !leadCell) continue; // group rows ("I | Nhóm nhiệm vụ …") carry no agency
    const all = splitAgencies(leadCell, finder);
    // Several agencies in the lead cell all lead ("Sở Tài chính, Sở Nội vụ"); a group alone is an addressee.
    const group = (r: AgencyRef) => r.key === null && isGroup(r.asWritten);
    const leads = all.filter((r) => !group(r));
    const groups = all.filter(group);
    const coords = cols.coord >= 0 ? splitAgencies(row[cols.coord] ?? '', finder) : [];
    const result = cols.result >= 0 ? collapse(row[cols.result] ?? '') : '';
    out.push({
      section,
      text: result ? `${task} (Kết quả: ${result})` : task,
      leads,
      coordinators: coords,
      addressee: leads.length ? (groups.length ? groups.map((g) => g.asWritten).join(', ') : null) : leadCell,
      deadline: cols.deadline >= 0 ? collapse(row[cols.deadline] ?? '') || null : null,
    });
  }
  return out;
}
