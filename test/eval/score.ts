// `npm run eval:qa`: imports the seed documents into a fresh DB, asks every question of questions.jsonl and prints
// intent accuracy, owner@1, agency-tasks precision, search hit@1 and MRR. `--verbose` lists the misses.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app.ts';
import { silentLogger } from '../../src/log.ts';
import { createAnswerer, type AnswerItem } from '../../src/answers/index.ts';
import { fold } from '../../src/core/text.ts';

interface Question {
  q: string;
  intent: string;
  agency?: string | null;
  also?: string[];
  province?: string | null;
  document?: string;
  section?: string;
  text?: string;
  value?: string;
}

const verbose = process.argv.includes('--verbose');
const questions = readFileSync(new URL('./questions.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Question);

const dir = mkdtempSync(join(tmpdir(), 'eval-qa-'));
const app = await createApp({ config: { DATABASE_URL: `file:${join(dir, 'eval.db')}`, INDEX_DIR: join(dir, 'index') }, log: silentLogger });
const { importPaths } = await import('../../src/ingest/pipeline.ts');
await importPaths(app, ['data/documents']);
const answerer = await createAnswerer(app);

const norm = (s: string) => fold(s).replace(/\s+/g, ' ');
const docMatches = (a: AnswerItem, want: string) =>
  want.startsWith('title:') ? norm(a.document.title).includes(norm(want.slice(6))) : a.document.number === want;
const textMatches = (a: AnswerItem, want?: string) => !want || norm(`${a.text} ${a.value ?? ''}`).includes(norm(want));

let intentOk = 0;
const owner = { n: 0, ok: 0 };
const tasks = { n: 0, precision: 0 };
const search = { n: 0, hit1: 0, mrr: 0 };
const misses: string[] = [];

for (const q of questions) {
  const r = await answerer.answer(q.q);
  if (r.intent === q.intent) intentOk++;
  else misses.push(`intent ${q.q}\n   want ${q.intent} got ${r.intent}`);
  const first = r.answers[0];
  if (q.intent === 'owner') {
    owner.n++;
    const ok = !!first && (first.agency ?? null) === (q.agency ?? null) && docMatches(first, q.document!);
    if (ok) owner.ok++;
    else misses.push(`owner  ${q.q}\n   want ${q.agency} (${q.document}) got ${first?.agency ?? '—'} (${first?.document.number ?? first?.document.title ?? '—'}) [${r.intent}]`);
  } else if (q.intent === 'agency_tasks') {
    tasks.n++;
    const allowed = new Set([q.agency!, ...(q.also ?? [])]);
    const good = r.answers.filter((a) => a.agency && allowed.has(a.agency) && (!q.province || a.document.province === q.province));
    const p = r.answers.length ? good.length / r.answers.length : 0;
    tasks.precision += p;
    if (p < 1) misses.push(`tasks  ${q.q}\n   precision ${p.toFixed(2)} of ${r.answers.length} [${r.intent}] e.g. ${r.answers.find((a) => !good.includes(a))?.agency ?? '—'}`);
  } else {
    search.n++;
    const rank = r.answers.slice(0, 10).findIndex((a) => docMatches(a, q.document!) && textMatches(a, q.intent === 'document' ? undefined : q.text));
    if (rank === 0) search.hit1++;
    if (rank >= 0) search.mrr += 1 / (rank + 1);
    if (rank !== 0) misses.push(`${q.intent.padEnd(6)} ${q.q}\n   rank ${rank < 0 ? '>10' : rank + 1} [${r.intent}] top: ${first?.text.slice(0, 80) ?? '—'}`);
  }
}

const pc = (x: number) => `${(100 * x).toFixed(1)}%`;
console.log(`questions                : ${questions.length}`);
console.log(`intent accuracy          : ${pc(intentOk / questions.length)}`);
console.log(`owner@1                  : ${pc(owner.ok / owner.n)} (${owner.ok}/${owner.n})`);
console.log(`agency-tasks precision   : ${pc(tasks.precision / tasks.n)} (${tasks.n} questions)`);
console.log(`search hit@1             : ${pc(search.hit1 / search.n)} (${search.hit1}/${search.n}; search, indicator and document questions)`);
console.log(`search MRR@10            : ${(search.mrr / search.n).toFixed(3)}`);
if (verbose && misses.length) console.log(`\nmisses:\n${misses.join('\n')}`);
await app.close();
rmSync(dir, { recursive: true, force: true });
