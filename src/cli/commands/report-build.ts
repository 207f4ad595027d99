// `cli report build <regime> <period> --format xlsx|csv|docx|png|md[,…]|all --out <file or folder>` writes the
// consolidated report (CSV for a Vietnamese Excel unless `--csv-format standard`); `cli report history <agency>`
// prints an agency's report history.
// Another module registers `report status`; both share the one `report` parent command.
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import type { App } from '../../app.ts';
import { AppError, ErrorCode } from '../../core/errors.ts';
import { fold } from '../../core/text.ts';
import { buildConsolidatedReport } from '../../reporting/report/build.ts';
import { agencyHistory, renderAgencyHistory } from '../../reporting/report/history.ts';
import {
  CSV_FORMATS,
  REPORT_FORMATS,
  isReportFormat,
  renderChatSummary,
  renderReport,
  type CsvFormat,
  type ReportFormat,
} from '../../reporting/report/render/index.ts';

interface BuildOpts {
  format: string;
  out?: string;
  item?: string;
  drafts?: boolean;
  summary?: boolean;
  number?: string;
  signer?: string;
  signerTitle?: string;
  date?: string;
  csvFormat: string;
}

export function parseFormats(s: string): ReportFormat[] {
  const list =
    s.trim().toLowerCase() === 'all'
      ? [...REPORT_FORMATS]
      : s
          .split(/[,\s]+/)
          .filter(Boolean)
          .map((x) => x.toLowerCase());
  const bad = list.filter((f) => !isReportFormat(f));
  if (bad.length || !list.length) {
    throw new AppError(
      ErrorCode.InvalidInput,
      `Định dạng "${bad.join(', ') || s}" không được hỗ trợ. Chọn một hoặc nhiều trong: ${REPORT_FORMATS.join(', ')} (hoặc all).`,
    );
  }
  return [...new Set(list)] as ReportFormat[];
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Where each file goes: --out is a folder (existing, ending in "/", or several formats) or the file itself. */
export function outputPath(out: string | undefined, name: string, several: boolean): string {
  if (!out) return resolve(name);
  if (several || out.endsWith('/') || isDir(out)) return resolve(out, name);
  return resolve(out);
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export function register(program: Command, getApp: () => Promise<App>): void {
  const report = program.commands.find((c) => c.name() === 'report') ?? program.command('report').description('Báo cáo tiến độ');

  report
    .command('build')
    .description('Lập báo cáo tổng hợp một kỳ báo cáo (xlsx, csv, docx, png, md)')
    .argument('<regime>', 'mã (hoặc số) chế độ báo cáo, ví dụ KH-CDS-2026')
    .argument('<period>', 'kỳ báo cáo, ví dụ 2026-Q4 hoặc "quý 4/2026"')
    .option('-f, --format <formats>', `một hoặc nhiều định dạng, cách nhau bởi dấu phẩy: ${REPORT_FORMATS.join(', ')}, all`, 'xlsx')
    .option('-o, --out <path>', 'tệp kết quả, hoặc thư mục khi xuất nhiều định dạng (mặc định: thư mục hiện tại)')
    .option('--item <n>', 'số thứ tự chỉ tiêu vẽ biểu đồ (png)')
    .option('--drafts', 'tính cả số liệu các đơn vị đã nhập nhưng chưa gửi')
    .option('--summary', 'in thêm bản tóm tắt như trong chat')
    .option('--number <số>', 'số văn bản (docx), ví dụ 125')
    .option('--signer <họ tên>', 'người ký (docx)')
    .option('--signer-title <chức danh>', 'chức danh người ký (docx), mặc định GIÁM ĐỐC')
    .option('--date <yyyy-mm-dd>', 'ngày ban hành (docx), mặc định hôm nay')
    .option(
      '--csv-format <vn|standard>',
      'csv: vn (dấu ";" và số "85,5", mở đúng trong Excel tiếng Việt) hoặc standard ("," và "85.5")',
      'vn',
    )
    .action(async (regime: string, period: string, opts: BuildOpts) => {
      const formats = parseFormats(opts.format);
      let date: Date | undefined;
      if (opts.date) {
        date = new Date(`${opts.date}T12:00:00+07:00`);
        if (Number.isNaN(date.getTime()))
          throw new AppError(ErrorCode.InvalidInput, `Ngày "${opts.date}" không hợp lệ; hãy viết theo dạng yyyy-mm-dd, ví dụ 2027-01-15.`);
      }
      const csvFormat = opts.csvFormat.trim().toLowerCase();
      if (!(CSV_FORMATS as readonly string[]).includes(csvFormat)) {
        throw new AppError(ErrorCode.InvalidInput, `"--csv-format ${opts.csvFormat}" không hợp lệ; chọn vn hoặc standard.`);
      }
      const item = opts.item !== undefined ? Number(opts.item) : undefined;
      if (item !== undefined && !(Number.isInteger(item) && item > 0)) {
        throw new AppError(ErrorCode.InvalidInput, `"--item ${opts.item}" không hợp lệ; hãy ghi số thứ tự của chỉ tiêu, ví dụ --item 1.`);
      }
      const app = await getApp();
      const r = await buildConsolidatedReport(app.db, { regime, period, includeDrafts: opts.drafts ?? false, now: app.clock.now() });
      if (opts.summary) process.stdout.write(`${renderChatSummary(r)}\n\n`);
      for (const format of formats) {
        const file = await renderReport(r, format, {
          item,
          csvFormat: csvFormat as CsvFormat,
          docx: { number: opts.number, signerName: opts.signer, signerTitle: opts.signerTitle, date },
        });
        const path = outputPath(opts.out, file.name, formats.length > 1);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, file.data);
        process.stdout.write(`Đã ghi ${path} (${kb(file.data.length)})\n`);
      }
    });

  report
    .command('history')
    .description('Lịch sử báo cáo của một đơn vị qua các kỳ')
    .argument('<agency>', 'mã hoặc tên đơn vị, ví dụ so-tc@ca-mau hoặc "Sở Tài chính"')
    .option('--regime <code>', 'chỉ một chế độ báo cáo')
    .action(async (agencyRef: string, opts: { regime?: string }) => {
      const app = await getApp();
      const agencies = await app.db.agency.findMany({ select: { id: true, key: true, name: true, province: true } });
      const f = fold(agencyRef);
      const hits = agencies.filter((a) => a.key === agencyRef || fold(a.key) === f || fold(a.name) === f);
      if (hits.length === 0) throw new AppError(ErrorCode.NotFound, `Không tìm thấy đơn vị "${agencyRef}".`);
      if (hits.length > 1) {
        throw new AppError(
          ErrorCode.InvalidInput,
          `Có ${hits.length} đơn vị tên "${agencyRef}"; hãy ghi mã đơn vị: ${hits.map((a) => a.key).join(', ')}.`,
        );
      }
      const h = await agencyHistory(app.db, { agencyId: (hits[0] as { id: number }).id, regime: opts.regime, now: app.clock.now() });
      process.stdout.write(`${renderAgencyHistory(h, { limit: Number.MAX_SAFE_INTEGER })}\n`);
    });
}
