// `cli regime create|load|show|edit|list` and `cli period open|lock|unlock|approve|reopen|list`.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import type { App } from '../../app.ts';
import { findRegimeByCode } from '../../reporting/repo/regimes.ts';
import { findAgenciesByKeys, findPeriodsByStart } from '../repo/listings.ts';
import { ErrorCode } from '../../core/errors.ts';
import type { Locale } from '../../core/i18n.ts';
import { openPeriod, reopenAgency, setPeriodStatus, periodStateText } from '../../reporting/period-service.ts';
import { formatDate } from '../../reporting/periods.ts';
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
import { CLI_TEXT, cliError } from '../text/common.ts';
import { PERIOD_TEXT } from '../text/period.ts';
import { REGIME_TEXT } from '../text/regime.ts';

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
async function proposeBeside(app: App, o: CreateOptions, proposal: Proposal, target: string, live: boolean, locale: Locale): Promise<void> {
  const T = REGIME_TEXT(locale);
  const code = proposal.def.code;
  const proposed = target.replace(/(\.proposed)?\.(ya?ml|json)$/i, '') + '.proposed.yaml';
  const text = proposalToYaml(proposal);
  mkdirSync(dirname(proposed), { recursive: true });
  writeFileSync(proposed, text);
  const onFile = existsSync(target);
  const before = onFile ? readFileSync(target, 'utf8') : regimeToYaml(await exportRegime(app.db, code));
  const rel = (p: string) => (relative(process.cwd(), p).startsWith('..') ? p : relative(process.cwd(), p));
  const where = onFile ? T.onFile(rel(target)) : T.database;
  console.log(T.exists(code, onFile ? rel(target) : null, live));
  console.log(
    T.proposal(
      rel(proposed),
      proposal.def.agencies.reduce((n, g) => n + g.items.length, 0),
    ),
  );
  for (const w of locale === 'en' ? proposal.warningsEn : proposal.warnings) console.log(CLI_TEXT(locale).note(w));
  const diff = formatDiff(before, text, { maxLines: 400, locale });
  console.log(diff ? T.diffVsProposal(where, diff) : T.sameAsProposal(where));
  const force = `npm run cli -- regime create --from ${o.from}${o.code ? ` --code ${o.code}` : ''}${o.out ? ` --out ${o.out}` : ''} --force`;
  console.log(T.useProposal(rel(proposed), rel(target), force));
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
  const rows = await findAgenciesByKeys(
    app.db,
    def.agencies.map((g) => g.agency),
  );
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
async function exportForEdit(app: App, code: string, locale: Locale): Promise<void> {
  const T = REGIME_TEXT(locale);
  const live = await exportRegime(app.db, code);
  const file = regimeFileOf(resolve(app.config.REGIMES_DIR), code);
  const editHint = (p: string) => T.editHint(code, p);
  if (!file) {
    const path = writeYaml(join(app.config.REGIMES_DIR, `${code}.yaml`), live);
    return void console.log(T.exported(path, editHint(path)));
  }
  const onFile = regimeToYaml(parseRegimeFile(file));
  const now = regimeToYaml(await asWritten(app, live));
  if (onFile === now) return void console.log(T.fileMatches(file, editHint(file)));
  const copy = writeYaml(file.replace(/\.(ya?ml|json)$/i, '') + '.live.yaml', live);
  console.log(T.liveDiffers(file, copy));
  console.log(T.diffVsLive(formatDiff(onFile, now, { maxLines: 400, locale })));
  console.log(T.copyWanted(file, editHint(file)));
}

/** `regime create`: proposes the regime of a document, saves it and writes its file (or proposes beside one). */
async function createFromDocument(app: App, o: CreateOptions, locale: Locale): Promise<void> {
  const T = REGIME_TEXT(locale);
  if (!FREQS.includes(o.frequency))
    throw cliError(REGIME_TEXT, ErrorCode.InvalidInput, (t) => t.badFrequency(o.frequency, FREQS.join(', ')));
  const deadlineDays = Number(o.deadlineDays);
  if (!/^\d+$/.test(o.deadlineDays.trim())) throw cliError(REGIME_TEXT, ErrorCode.InvalidInput, (t) => t.badDeadlineDays(o.deadlineDays));
  const proposal = await proposeRegime(app, o.from, {
    code: o.code,
    frequency: o.frequency as RegimeDef['frequency'],
    deadlineDays,
  });
  const { def } = proposal;
  const warnings = locale === 'en' ? proposal.warningsEn : proposal.warnings;
  const target = resolve(o.out ?? join(app.config.REGIMES_DIR, `${def.code}.yaml`));
  const live = await findRegimeByCode(app.db, def.code);
  if ((existsSync(target) || live) && !o.force) return void (await proposeBeside(app, o, proposal, target, live != null, locale));
  const saved = await saveRegime(app, def);
  const path = writeYaml(target, await exportRegime(app.db, def.code));
  console.log(T.created(saved.code, saved.items, def.agencies.length));
  for (const g of def.agencies) console.log(T.agencyItems(g.agency, g.items.length));
  for (const w of warnings) console.log(CLI_TEXT(locale).note(w));
  console.log(T.review(saved.code, path));
}

export function register(program: Command, getApp: () => Promise<App>, locale: Locale): void {
  registerRegime(program, getApp, locale);
  registerPeriod(program, getApp, locale);
}

function registerRegime(program: Command, getApp: () => Promise<App>, locale: Locale): void {
  const T = REGIME_TEXT(locale);
  const note = CLI_TEXT(locale).note;
  const regime = program.command('regime').description(T.group);

  regime
    .command('create')
    .description(T.create)
    .requiredOption('--from <document>', T.createFrom)
    .option('--code <code>', T.createCode)
    .option('--frequency <f>', FREQS.join(' | '), 'quarter')
    .option('--deadline-days <n>', T.deadlineDays, '10')
    .option('--out <file>', T.createOut)
    .option('--force', T.createForce)
    .action(async (o: CreateOptions) => createFromDocument(await getApp(), o, locale));

  regime
    .command('load')
    .description(T.load)
    .argument('<file>')
    .action(async (file: string) => {
      const app = await getApp();
      const r = await saveRegime(app, parseRegimeFile(file));
      const c = r.changes;
      const what =
        r.outcome === 'created'
          ? T.loadCreated
          : r.outcome === 'unchanged'
            ? T.loadUnchanged
            : T.loadUpdated(c.added, c.changed, c.removed, c.fields.join(', '));
      console.log(T.loaded(r.code, r.items, what));
      for (const w of locale === 'en' ? r.warningsEn : r.warnings) console.log(note(w));
    });

  regime
    .command('show')
    .description(T.show)
    .argument('<code>')
    .option('--json', T.json)
    .action(async (code: string, o: { json?: boolean }) => {
      const app = await getApp();
      const def = await exportRegime(app.db, code);
      // Agencies of the definition that no longer exist, resolved to their successors when it was loaded.
      const notes = await regimeAgencyChanges(app.db, code, locale);
      if (o.json) {
        for (const n of notes) process.stderr.write(`${note(n)}\n`);
        return void console.log(JSON.stringify(def, null, 2));
      }
      console.log(`${notes.map((n) => `${T.yamlNote(n)}\n`).join('')}${regimeToYaml(def)}`);
    });

  regime
    .command('edit')
    .description(T.edit)
    .argument('<code>')
    .option('--file <file>', T.editFile)
    .action(async (code: string, o: { file?: string }) => {
      const app = await getApp();
      if (!o.file) return await exportForEdit(app, code, locale);
      const def = parseRegimeFile(o.file);
      if (def.code !== code) throw cliError(REGIME_TEXT, ErrorCode.InvalidInput, (t) => t.codeMismatch(def.code, code));
      const r = await saveRegime(app, def);
      console.log(T.updated(r.code, r.items));
      for (const w of locale === 'en' ? r.warningsEn : r.warnings) console.log(note(w));
    });

  regime
    .command('list')
    .description(T.list)
    .action(async () => {
      const app = await getApp();
      const rows = await listRegimes(app.db);
      if (!rows.length) return void console.log(T.noRegimes);
      for (const r of rows)
        console.log(T.regimeLine(r.code, r.name, T.frequency(r.frequency), r.deadlineDays, r._count.items, r._count.periods, r.paused));
    });
}

function registerPeriod(program: Command, getApp: () => Promise<App>, locale: Locale): void {
  const T = PERIOD_TEXT(locale);
  const period = program.command('period').description(T.group);

  period
    .command('open')
    .argument('<regime>')
    .argument('<key>', T.keyExample)
    .description(T.open)
    .action(async (code: string, key: string) => {
      const app = await getApp();
      const p = await openPeriod(app, code, key);
      const state = periodStateText(p, app.clock.now(), locale);
      console.log(
        T.opened(p.key, code, formatDate(p.startsAt), formatDate(p.endsAt), formatDate(p.deadline), formatDate(p.locksAt), state),
      );
    });

  for (const [name, status, desc] of [
    ['lock', 'locked', T.lock],
    ['unlock', 'open', T.unlock],
    ['approve', 'approved', T.approve],
  ] as const) {
    period
      .command(name)
      .argument('<regime>')
      .argument('<key>')
      .description(desc)
      .action(async (code: string, key: string) => {
        const app = await getApp();
        const p = await setPeriodStatus(app.db, code, key, status, null, { now: app.clock.now() });
        console.log(T.state(p.key, code, periodStateText(p, app.clock.now(), locale)));
      });
  }

  period
    .command('reopen')
    .argument('<regime>')
    .argument('<key>')
    .requiredOption('--agency <name>', T.reopenAgency)
    .description(T.reopen)
    .action(async (code: string, key: string, o: { agency: string }) => {
      const app = await getApp();
      const r = await reopenAgency(app, code, key, o.agency);
      console.log(T.reopened(r.period.key, r.agency.name));
    });

  period
    .command('list')
    .argument('<regime>')
    .description(T.list)
    .action(async (code: string) => {
      const app = await getApp();
      const r = await getRegime(app.db, code);
      const rows = await findPeriodsByStart(app.db, r.id);
      if (!rows.length) console.log(T.noPeriods(r.code));
      for (const p of rows)
        console.log(T.periodLine(p.key, formatDate(p.deadline), formatDate(p.locksAt), periodStateText(p, app.clock.now(), locale)));
    });
}
