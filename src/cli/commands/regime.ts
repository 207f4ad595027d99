// `cli regime create|load|show|edit|list` and `cli period open|lock|unlock|approve|reopen|list`.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import type { App } from '../../app.ts';
import { AppError, ErrorCode } from '../../core/errors.ts';
import { openPeriod, reopenAgency, setPeriodStatus, periodStateText } from '../../reporting/period-service.ts';
import { formatDate, frequencyLabel } from '../../reporting/periods.ts';
import { proposalToYaml, proposeRegime, type Proposal } from '../../reporting/regime-propose.ts';
import { formatDiff } from '../format/line-diff.ts';
import type { RegimeDef } from '../../reporting/regime-def.ts';
import { PROPOSED_FILE } from '../../reporting/regime-folder.ts';
import {
  exportRegime,
  getRegime,
  listRegimes,
  parseRegimeFile,
  regimeAgencyChanges,
  regimeToYaml,
  saveRegime,
} from '../../reporting/regimes.ts';

const FREQS = ['month', 'quarter', 'half-year', 'year'];

interface CreateOptions {
  from: string;
  code?: string;
  frequency: string;
  deadlineDays: string;
  out?: string;
  force?: boolean;
}

/**
 * `regime create` when the regime is already there (its file, or a live regime of that code): the proposal goes to
 * <code>.proposed.yaml beside the file, with the line diff against it; the file and the live regime stay as they
 * are (a hand-reviewed file is never overwritten by a fresh proposal), until the admin chooses `--force`.
 */
async function proposeBeside(app: App, o: CreateOptions, proposal: Proposal, target: string, live: boolean): Promise<void> {
  const code = proposal.def.code;
  const proposed = target.replace(/(\.proposed)?\.(ya?ml|json)$/i, '') + '.proposed.yaml';
  const text = proposalToYaml(proposal);
  mkdirSync(dirname(proposed), { recursive: true });
  writeFileSync(proposed, text);
  const onFile = existsSync(target);
  const before = onFile ? readFileSync(target, 'utf8') : regimeToYaml(await exportRegime(app.db, code));
  const rel = (p: string) => (relative(process.cwd(), p).startsWith('..') ? p : relative(process.cwd(), p));
  const where = onFile ? `tệp ${rel(target)}` : 'cơ sở dữ liệu';
  console.log(
    `Chế độ báo cáo ${code} đã có (${onFile ? `tệp ${rel(target)}` : 'chưa có tệp'}${live ? ', đang dùng' : ''}): không ghi đè tệp, không thay chế độ đang dùng.`,
  );
  console.log(
    `Đề xuất mới: ${rel(proposed)} (${proposal.def.agencies.reduce((n, g) => n + g.items.length, 0)} mục; không được nạp khi khởi động).`,
  );
  for (const w of proposal.warnings) console.log(`Lưu ý: ${w}`);
  const diff = formatDiff(before, text, { maxLines: 400 });
  console.log(diff ? `Khác biệt so với ${where} ("-" hiện có, "+" đề xuất):\n${diff}` : `Đề xuất giống hệt ${where}.`);
  console.log(
    `Để dùng đề xuất: rà soát ${rel(proposed)}, chép nội dung cần lấy vào ${rel(target)} rồi chạy: npm run cli -- regime load ${rel(target)}` +
      `\nHoặc thay hẳn tệp và chế độ đang dùng bằng đề xuất: npm run cli -- regime create --from ${o.from}${o.code ? ` --code ${o.code}` : ''}${o.out ? ` --out ${o.out}` : ''} --force`,
  );
}

function writeYaml(file: string, def: RegimeDef): string {
  const path = resolve(file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, regimeToYaml(def));
  return path;
}

/** The regimes-folder file that defines `code` (<code>.yaml, else any file whose `code:` it is), if one exists. */
function regimeFileOf(dir: string, code: string): string | null {
  const named = join(dir, `${code}.yaml`);
  if (existsSync(named)) return named;
  if (!existsSync(dir)) return null;
  for (const f of readdirSync(dir).filter((n) => /\.(ya?ml|json)$/i.test(n) && !PROPOSED_FILE.test(n))) {
    try {
      if (parseRegimeFile(join(dir, f)).code === code) return join(dir, f);
    } catch {
      // a broken file is reported by the folder loader, not here
    }
  }
  return null;
}

/** The live regime as a hand-written file says it: agencies by name, no item ids (for comparing with that file). */
async function asWritten(app: App, def: RegimeDef): Promise<RegimeDef> {
  const rows = await app.db.agency.findMany({ where: { key: { in: def.agencies.map((g) => g.agency) } } });
  const name = new Map(rows.map((r) => [r.key, r.name]));
  return {
    ...def,
    agencies: def.agencies.map((g) => ({ agency: name.get(g.agency) ?? g.agency, items: g.items.map(({ id: _id, ...it }) => it) })),
  };
}

/**
 * `regime edit <code>` without --file: the live regime as YAML to edit. The reviewed file of the regimes folder is
 * never overwritten (it keeps its comments): when the live regime says the same, the admin is pointed at it; when
 * it differs, the live regime goes to <code>.live.yaml beside it, with the diff.
 */
async function exportForEdit(app: App, code: string): Promise<void> {
  const live = await exportRegime(app.db, code);
  const file = regimeFileOf(resolve(app.config.REGIMES_DIR), code);
  const editHint = (p: string) => `Sửa tệp rồi chạy: npm run cli -- regime edit ${code} --file ${p}`;
  if (!file) {
    const path = writeYaml(join(app.config.REGIMES_DIR, `${code}.yaml`), live);
    return void console.log(`Đã xuất ${path}. ${editHint(path)}`);
  }
  const onFile = regimeToYaml(parseRegimeFile(file));
  const now = regimeToYaml(await asWritten(app, live));
  if (onFile === now) return void console.log(`Tệp ${file} khớp với chế độ đang dùng; không ghi gì thêm. ${editHint(file)}`);
  const copy = writeYaml(file.replace(/\.(ya?ml|json)$/i, '') + '.live.yaml', live);
  console.log(`Chế độ đang dùng khác tệp ${file}; tệp được giữ nguyên, bản đang dùng ghi ra ${copy} (không nạp khi khởi động).`);
  console.log(`Khác biệt ("-" trong tệp, "+" đang dùng):\n${formatDiff(onFile, now, { maxLines: 400 })}`);
  console.log(`Chép phần cần giữ vào ${file}. ${editHint(file)}`);
}

/** `regime create`: proposes the regime of a document, saves it and writes its file (or proposes beside one). */
async function createFromDocument(app: App, o: CreateOptions): Promise<void> {
  if (!FREQS.includes(o.frequency))
    throw new AppError(ErrorCode.InvalidInput, `Tần suất "${o.frequency}" không hợp lệ; chọn: ${FREQS.join(', ')}.`);
  const proposal = await proposeRegime(app, o.from, {
    code: o.code,
    frequency: o.frequency as RegimeDef['frequency'],
    deadlineDays: Number(o.deadlineDays),
  });
  const { def, warnings } = proposal;
  const target = resolve(o.out ?? join(app.config.REGIMES_DIR, `${def.code}.yaml`));
  const live = await app.db.regime.findUnique({ where: { code: def.code } });
  if ((existsSync(target) || live) && !o.force) return void (await proposeBeside(app, o, proposal, target, live != null));
  const saved = await saveRegime(app, def);
  const path = writeYaml(target, await exportRegime(app.db, def.code));
  console.log(`Đã tạo chế độ báo cáo ${saved.code}: ${saved.items} mục cho ${def.agencies.length} cơ quan.`);
  for (const g of def.agencies) console.log(`  ${g.agency}: ${g.items.length} mục`);
  for (const w of warnings) console.log(`Lưu ý: ${w}`);
  console.log(
    `Rà soát: npm run cli -- regime show ${saved.code}; sửa tệp ${path} rồi: npm run cli -- regime edit ${saved.code} --file ${path}`,
  );
}

export function register(program: Command, getApp: () => Promise<App>): void {
  registerRegime(program, getApp);
  registerPeriod(program, getApp);
}

function registerRegime(program: Command, getApp: () => Promise<App>): void {
  const regime = program.command('regime').description('Chế độ báo cáo (Nghị định 09/2019/NĐ-CP)');

  regime
    .command('create')
    .description('Đề xuất chế độ báo cáo từ chỉ tiêu và nhiệm vụ của một văn bản, nhóm theo cơ quan chủ trì')
    .requiredOption('--from <document>', 'số hiệu (ví dụ 37/KH-STTTT) hoặc mã số văn bản')
    .option('--code <code>', 'mã chế độ báo cáo')
    .option('--frequency <f>', FREQS.join(' | '), 'quarter')
    .option('--deadline-days <n>', 'hạn nộp: số ngày sau khi hết kỳ', '10')
    .option('--out <file>', 'ghi định nghĩa YAML để rà soát (mặc định data/regimes/<mã>.yaml)')
    .option('--force', 'thay tệp và chế độ báo cáo đang dùng (mặc định: không ghi đè, ghi <mã>.proposed.yaml bên cạnh)')
    .action(async (o: CreateOptions) => createFromDocument(await getApp(), o));

  regime
    .command('load')
    .description('Nạp (tạo hoặc thay) chế độ báo cáo từ tệp YAML/JSON viết tay, ví dụ data/regimes/x.yaml')
    .argument('<file>')
    .action(async (file: string) => {
      const app = await getApp();
      const r = await saveRegime(app, parseRegimeFile(file));
      const c = r.changes;
      const what =
        r.outcome === 'created'
          ? 'tạo mới'
          : r.outcome === 'unchanged'
            ? 'không có gì thay đổi'
            : `cập nhật: thêm ${c.added}, sửa ${c.changed}, bỏ ${c.removed} mục${c.fields.length ? `; trường ${c.fields.join(', ')}` : ''}`;
      console.log(`Đã nạp chế độ báo cáo ${r.code} (${r.items} mục) — ${what}.`);
      for (const w of r.warnings) console.log(`Lưu ý: ${w}`);
    });

  regime
    .command('show')
    .description('In định nghĩa chế độ báo cáo (YAML, nhóm theo cơ quan)')
    .argument('<code>')
    .option('--json', 'in JSON')
    .action(async (code: string, o: { json?: boolean }) => {
      const app = await getApp();
      const def = await exportRegime(app.db, code);
      // Agencies of the definition that no longer exist, resolved to their successors when it was loaded.
      const notes = await regimeAgencyChanges(app.db, code);
      if (o.json) {
        for (const n of notes) process.stderr.write(`Lưu ý: ${n}\n`);
        return void console.log(JSON.stringify(def, null, 2));
      }
      console.log(`${notes.map((n) => `# Lưu ý: ${n}\n`).join('')}${regimeToYaml(def)}`);
    });

  regime
    .command('edit')
    .description('Sửa qua tệp: không có --file thì xuất ra thư mục chế độ báo cáo (không ghi đè tệp đã có); có --file thì nạp lại')
    .argument('<code>')
    .option('--file <file>', 'tệp YAML/JSON đã sửa')
    .action(async (code: string, o: { file?: string }) => {
      const app = await getApp();
      if (!o.file) return await exportForEdit(app, code);
      const def = parseRegimeFile(o.file);
      if (def.code !== code) throw new AppError(ErrorCode.InvalidInput, `Tệp định nghĩa mã "${def.code}", không phải "${code}".`);
      const r = await saveRegime(app, def);
      console.log(`Đã cập nhật chế độ báo cáo ${r.code} (${r.items} mục).`);
      for (const w of r.warnings) console.log(`Lưu ý: ${w}`);
    });

  regime
    .command('list')
    .description('Các chế độ báo cáo')
    .action(async () => {
      const app = await getApp();
      const rows = await listRegimes(app.db);
      if (!rows.length)
        return void console.log('Chưa có chế độ báo cáo. Tạo: npm run cli -- regime create --from <văn bản> hoặc regime load <tệp>');
      for (const r of rows)
        console.log(
          `${r.code} — ${r.name} (${frequencyLabel(r.frequency)}, hạn ${r.deadlineDays} ngày sau kỳ; ${r._count.items} mục, ${r._count.periods} kỳ)${r.paused ? ' [tạm dừng]' : ''}`,
        );
    });
}

function registerPeriod(program: Command, getApp: () => Promise<App>): void {
  const period = program.command('period').description('Kỳ báo cáo: mở, khóa, mở lại cho một cơ quan');

  period
    .command('open')
    .argument('<regime>')
    .argument('<key>', 'ví dụ 2026-Q4, 2026-H2, 2026, 2026-11')
    .description('Mở một kỳ báo cáo (tính hạn nộp và ngày khóa)')
    .action(async (code: string, key: string) => {
      const app = await getApp();
      const p = await openPeriod(app, code, key);
      console.log(
        `Kỳ ${p.key} của ${code}: ${formatDate(p.startsAt)}–${formatDate(p.endsAt)}, hạn nộp ${formatDate(p.deadline)}, khóa từ ${formatDate(p.locksAt)}; ${periodStateText(p, app.clock.now())}.`,
      );
    });

  for (const [name, status, desc] of [
    ['lock', 'locked', 'Khóa kỳ báo cáo (không ai sửa được nữa, trừ cơ quan được mở lại)'],
    ['unlock', 'open', 'Bỏ khóa kỳ báo cáo'],
    ['approve', 'approved', 'Phê duyệt kỳ báo cáo (khóa hẳn)'],
  ] as const) {
    period
      .command(name)
      .argument('<regime>')
      .argument('<key>')
      .description(desc)
      .action(async (code: string, key: string) => {
        const app = await getApp();
        const p = await setPeriodStatus(app.db, code, key, status, null, { now: app.clock.now() });
        console.log(`Kỳ ${p.key} của ${code}: ${periodStateText(p, app.clock.now())}.`);
      });
  }

  period
    .command('reopen')
    .argument('<regime>')
    .argument('<key>')
    .requiredOption('--agency <name>', 'cơ quan được mở lại')
    .description('Mở lại kỳ đã khóa cho một cơ quan (đến khi cơ quan gửi lại)')
    .action(async (code: string, key: string, o: { agency: string }) => {
      const app = await getApp();
      const r = await reopenAgency(app, code, key, o.agency);
      console.log(`Đã mở lại kỳ ${r.period.key} cho ${r.agency.name}; cơ quan sửa và gửi lại được đến khi gửi.`);
    });

  period
    .command('list')
    .argument('<regime>')
    .description('Các kỳ của một chế độ báo cáo')
    .action(async (code: string) => {
      const app = await getApp();
      const r = await getRegime(app.db, code);
      const rows = await app.db.period.findMany({ where: { regimeId: r.id }, orderBy: { startsAt: 'asc' } });
      if (!rows.length) console.log(`Chế độ ${r.code} chưa mở kỳ nào. Mở kỳ: npm run cli -- period open ${r.code} <kỳ, ví dụ 2026-Q4>`);
      for (const p of rows)
        console.log(`${p.key}: hạn nộp ${formatDate(p.deadline)}, khóa ${formatDate(p.locksAt)}; ${periodStateText(p, app.clock.now())}`);
    });
}
