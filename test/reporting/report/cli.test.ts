import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import ExcelJS from 'exceljs';
import { tempDb, type TempDb } from '../../helpers/db.ts';
import type { App } from '../../../src/app.ts';
import { ManualClock } from '../../../src/core/clock.ts';
import { silentLogger } from '../../../src/log.ts';
import { AppError } from '../../../src/core/errors.ts';
import { register } from '../../../src/cli/commands/report-build.ts';
import { parseCsv } from './parse-csv.ts';
import { REGIME_CODE, seedSmall } from './seed.ts';

let t: TempDb;
let outDir: string;
let app: App;

beforeAll(async () => {
  t = await tempDb();
  await seedSmall(t.db);
  outDir = mkdtempSync(join(tmpdir(), 'report-cli-'));
  app = { db: t.db, log: silentLogger, clock: new ManualClock(new Date('2027-01-20T00:00:00Z')), close: async () => {} } as unknown as App;
});
afterAll(async () => {
  rmSync(outDir, { recursive: true, force: true });
  await t.close();
});
afterEach(() => vi.restoreAllMocks());

/** Runs `cli report …` and returns what it printed. */
async function cli(...args: string[]): Promise<string> {
  const program = new Command('cli').exitOverride();
  // Another module registers `report status` first; ours must join the same parent.
  program
    .command('report')
    .description('Báo cáo tiến độ')
    .command('status')
    .action(() => {});
  register(program, async () => app, 'vi');
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    out += String(s);
    return true;
  });
  await program.parseAsync(['node', 'cli', 'report', ...args]);
  vi.restoreAllMocks();
  return out;
}

describe('cli report build', () => {
  it('shares the report parent command with report status', () => {
    const program = new Command('cli');
    program.command('report').command('status');
    register(program, async () => app, 'vi');
    const reports = program.commands.filter((c) => c.name() === 'report');
    expect(reports).toHaveLength(1);
    expect(reports[0]?.commands.map((c) => c.name())).toEqual(['status', 'build', 'history']);
  });

  it('writes an XLSX to the given file', async () => {
    const file = join(outDir, 'q4.xlsx');
    const out = await cli('build', REGIME_CODE, '2026-Q4', '--format', 'xlsx', '--out', file);
    expect(out).toContain(`Đã ghi ${file}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.getWorksheet('Tổng hợp chỉ tiêu')?.getRow(4).getCell(2).value).toBe('Tỷ lệ hồ sơ giải quyết trực tuyến');
  });

  it('writes several formats into a folder with Vietnamese-derived names, and prints the summary', async () => {
    const dir = join(outDir, 'all');
    const out = await cli(
      'build',
      REGIME_CODE,
      'quý 4/2026',
      '-f',
      'csv,docx,md,png',
      '-o',
      dir,
      '--summary',
      '--item',
      '2',
      '--number',
      '7',
      '--signer',
      'Trần Thị B',
    );
    expect(out).toContain('BÁO CÁO TỔNG HỢP QUÝ IV/2026');
    expect(readdirSync(dir).sort()).toEqual([
      'Bao-cao-tong-hop_KH-CDS-2026_quy-IV-2026.csv',
      'Bao-cao-tong-hop_KH-CDS-2026_quy-IV-2026.docx',
      'Bao-cao-tong-hop_KH-CDS-2026_quy-IV-2026.md',
      'Bieu-do-muc-2_KH-CDS-2026_quy-IV-2026.png',
    ]);
    const rows = parseCsv(readFileSync(join(dir, 'Bao-cao-tong-hop_KH-CDS-2026_quy-IV-2026.csv'), 'utf8').replace(/^\uFEFF/, ''), ';');
    expect(rows.find((r) => r[0] === '2' && r[5] === 'Tổng hợp')?.[6]).toBe('29');
    expect(rows.find((r) => r[0] === '2' && r[5] === 'Tổng hợp')?.[9]).toBe('72,5');
    expect(readFileSync(join(dir, 'Bao-cao-tong-hop_KH-CDS-2026_quy-IV-2026.md'), 'utf8')).toContain(
      '## II. Kết quả thực hiện các chỉ tiêu',
    );
  });

  it('writes the standard CSV (",", "72.5") with --csv-format standard, and refuses another dialect', async () => {
    const file = join(outDir, 'std.csv');
    await cli('build', REGIME_CODE, '2026-Q4', '-f', 'csv', '-o', file, '--csv-format', 'standard');
    const rows = parseCsv(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
    expect(rows.find((r) => r[0] === '2' && r[5] === 'Tổng hợp')?.[9]).toBe('72.5');
    const e = await cli('build', REGIME_CODE, '2026-Q4', '-f', 'csv', '--csv-format', 'excel').catch((x: unknown) => x);
    expect((e as AppError).userMessage).toContain('"--csv-format excel" không hợp lệ');
  });

  it('refuses a bad format, item or unknown period with a Vietnamese message and writes nothing', async () => {
    const e1 = await cli('build', REGIME_CODE, '2026-Q4', '--format', 'pdf', '--out', join(outDir, 'x.pdf')).catch((e: unknown) => e);
    expect((e1 as AppError).userMessage).toContain('Định dạng "pdf" không được hỗ trợ');
    const e2 = await cli('build', REGIME_CODE, '2026-Q4', '--format', 'png', '--item', 'abc').catch((e: unknown) => e);
    expect((e2 as AppError).userMessage).toContain('"--item abc" không hợp lệ');
    const e3 = await cli('build', REGIME_CODE, '2030-Q1', '--out', join(outDir, 'y.xlsx')).catch((e: unknown) => e);
    expect(e3).toBeInstanceOf(AppError);
    expect((e3 as AppError).userMessage).toContain('không có kỳ "2030-Q1"');
    expect(existsSync(join(outDir, 'x.pdf')) || existsSync(join(outDir, 'y.xlsx'))).toBe(false);
  });
});

describe('cli report history', () => {
  it('prints an agency history found by name', async () => {
    const out = await cli('history', 'ubnd huyen cai nuoc');
    expect(out).toContain('📚 Lịch sử báo cáo — UBND huyện Cái Nước');
    expect(out).toContain('quý IV/2026: Trễ hạn 3 ngày');
  });

  it('says when the agency is unknown', async () => {
    const e = await cli('history', 'Sở Không Có').catch((x: unknown) => x);
    expect((e as AppError).userMessage).toBe('Không tìm thấy đơn vị "Sở Không Có".');
  });
});
