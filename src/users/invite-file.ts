// Reads a list of people to invite from CSV (comma or semicolon, UTF-8 with or without BOM) or XLSX (first sheet).
// The first non-empty row is the header: Vietnamese or English names, any case, with or without tones
// ("Họ tên"/"name", "Cơ quan"/"agency", "Tỉnh"/"province", "Vai trò"/"role", "Kênh"/"channel"); other columns
// (STT, ghi chú) are ignored. Rows keep their number in the file so errors can name them.
import { existsSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import ExcelJS from 'exceljs';
import { AppError, ErrorCode } from '../core/errors.ts';
import { fold } from '../core/text.ts';

export type InviteColumn = 'name' | 'agency' | 'province' | 'role' | 'channel';

export interface InviteFileRow {
  /** Line (CSV) or row (XLSX) number in the file, counting the header: what a spreadsheet shows. */
  row: number;
  values: Partial<Record<InviteColumn, string>>;
}

/** Most rows one file may hold: a province has a few hundred officials; more is a wrong file. */
export const MAX_ROWS = 5000;

const HEADERS: Record<InviteColumn, string[]> = {
  name: ['ho ten', 'ho va ten', 'ten', 'name', 'full name', 'nguoi nhan'],
  agency: ['co quan', 'don vi', 'agency', 'co quan don vi', 'co quan/don vi'],
  province: ['tinh', 'tinh thanh', 'tinh/thanh pho', 'tinh, thanh pho', 'tinh thanh pho', 'province'],
  role: ['vai tro', 'role'],
  channel: ['kenh', 'kenh lien lac', 'channel'],
};

const fail = (msg: string, en: string) => new AppError(ErrorCode.InvalidInput, msg, { en });

function column(header: string): InviteColumn | null {
  const h = fold(header)
    .replace(/[*:]+$/g, '')
    .trim();
  for (const [col, names] of Object.entries(HEADERS) as [InviteColumn, string[]][]) if (names.includes(h)) return col;
  return null;
}

/** RFC 4180 CSV: quoted fields may hold the separator, quotes ("") and line breaks. */
export function parseCsv(text: string, sep: string): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1; // the line being read
  let start = 1; // the line the current row began on
  const endRow = () => {
    rows.push({ line: start, cells: [...cells, cell] });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch !== '"') {
        cell += ch;
        if (ch === '\n') line++;
      } else if (text[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
      continue;
    }
    if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === sep) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
      start = ++line;
    } else cell += ch;
  }
  if (cell !== '' || cells.length) endRow();
  return rows;
}

/** The separator of the header line: the one of ; , or tab that occurs most (Excel in Vietnamese writes ;). */
function separator(text: string): string {
  const first = text.split(/\r?\n/).find((l) => l.trim()) ?? '';
  const count = (c: string) => first.split(c).length - 1;
  return [';', '\t', ','].reduce((best, c) => (count(c) > count(best) ? c : best), ',');
}

function readCsv(file: string): { line: number; cells: string[] }[] {
  const buf = readFileSync(file);
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buf);
  return parseCsv(text.replace(/^\uFEFF/, ''), separator(text.replace(/^\uFEFF/, '')));
}

async function readXlsx(file: string): Promise<{ line: number; cells: string[] }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheet = wb.worksheets[0];
  if (!sheet) throw fail(`Tệp ${file} không có trang tính nào.`, `The file ${file} has no worksheet.`);
  const rows: { line: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(row.getCell(c).text ?? '');
    rows.push({ line: n, cells });
  });
  return rows;
}

async function readCells(file: string): Promise<{ line: number; cells: string[] }[]> {
  if (!existsSync(file)) throw fail(`Không thấy tệp "${file}".`, `No file "${file}".`);
  const ext = extname(file).toLowerCase();
  try {
    if (ext === '.csv' || ext === '.txt') return readCsv(file);
    if (ext === '.xlsx') return await readXlsx(file);
  } catch (e) {
    if (e instanceof AppError) throw e;
    const utf8 = e instanceof TypeError;
    const why = utf8 ? 'không phải văn bản UTF-8 (lưu lại bằng "CSV UTF-8")' : (e as Error).message;
    const whyEn = utf8 ? 'it is not UTF-8 text (save it again as "CSV UTF-8")' : (e as Error).message;
    throw fail(`Không đọc được tệp "${file}": ${why}.`, `Cannot read the file "${file}": ${whyEn}.`);
  }
  throw fail(
    `Tệp "${file}" phải là .csv hoặc .xlsx (tệp .xls cũ: mở bằng Excel rồi lưu lại dạng .xlsx).`,
    `The file "${file}" must be .csv or .xlsx (an old .xls: open it in Excel and save it as .xlsx).`,
  );
}

/** The rows of the file under its header, empty rows dropped. */
export async function readInviteFile(file: string): Promise<InviteFileRow[]> {
  const all = (await readCells(file)).filter((r) => r.cells.some((c) => c.trim()));
  const [head, ...body] = all;
  const cols = head?.cells.map(column) ?? [];
  if (!head || !cols.some((c) => c && c !== 'name')) {
    throw fail(
      `Tệp "${file}" cần một dòng tiêu đề với các cột: Họ tên, Cơ quan, Tỉnh, Vai trò, Kênh (hoặc name, agency, province, role, channel).`,
      `The file "${file}" needs a header row with the columns: name, agency, province, role, channel (or Họ tên, Cơ quan, Tỉnh, Vai trò, Kênh).`,
    );
  }
  if (!body.length)
    throw fail(`Tệp "${file}" chỉ có dòng tiêu đề, chưa có người nào.`, `The file "${file}" has only its header row, nobody yet.`);
  if (body.length > MAX_ROWS)
    throw fail(
      `Tệp "${file}" có ${body.length} dòng; tối đa ${MAX_ROWS} dòng một lần — xin chia nhỏ tệp.`,
      `The file "${file}" has ${body.length} rows; at most ${MAX_ROWS} at a time — please split it.`,
    );
  return body.map((r) => {
    const values: InviteFileRow['values'] = {};
    cols.forEach((col, i) => {
      const v = (r.cells[i] ?? '').replace(/\s+/g, ' ').trim();
      if (col && v) values[col] = v;
    });
    return { row: r.line, values };
  });
}
