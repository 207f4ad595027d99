// `npm run eval:ask [-- --unseen | --all] [--verbose] [--file <name>]`: the blind question sets of test/eval/qa/
// (written by helpers who never saw the code, from the seeds and real corpus documents), asked through the real bot
// as a registered official or coordinator of the shipped 37/KH-STTTT regime, with the seeds and the corpus
// documents the questions cite imported. One question in five (by a hash of its text) is kept unseen: the default
// run reports the other four fifths, `--unseen` the fifth, `--all` both.
//
// Scores: owner@1, agency-task precision, hit@1 and MRR@10 (indicator, document, search), and for every question
// whether the reply was (a) right, (b) an honest "not sure / not understood", or (c) confidently wrong — a quote or
// an answer presented for something else. Confident-wrong counts more than not-sure: the goal is ≤ 2%.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { fold } from '../../src/core/text.ts';
import { importPaths } from '../../src/ingest/pipeline.ts';
import { silentLogger } from '../../src/log.ts';
import { openPeriod } from '../../src/reporting/period-service.ts';
import { loadRegimeFolder } from '../../src/reporting/regime-folder.ts';
import { buildRuntime } from '../../src/runtime.ts';
import { createInvite } from '../../src/users/invites.ts';
import type { AnswerItem } from '../../src/answers/index.ts';

interface Question {
  q: string;
  intent: string;
  document?: string;
  agency?: string;
  also?: string[];
  province?: string;
  text?: string;
  value?: string;
  source?: string;
  role?: 'official' | 'coordinator' | 'any';
  file: string;
}

const args = process.argv.slice(2);
const mode = args.includes('--all') ? 'all' : args.includes('--unseen') ? 'unseen' : 'seen';
const verbose = args.includes('--verbose');
const only = args.includes('--file') ? args[args.indexOf('--file') + 1] : null;
const QA = new URL('./qa/', import.meta.url).pathname;
const CORPUS = new URL('../../../shared/corpus/', import.meta.url).pathname;

const unseen = (q: string) => createHash('sha1').update(q).digest()[0]! % 5 === 0;
const all: Question[] = readdirSync(QA)
  .filter((f) => f.endsWith('.jsonl') && (!only || f.startsWith(only)))
  .flatMap((f) =>
    readFileSync(join(QA, f), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => ({ ...(JSON.parse(l) as Omit<Question, 'file'>), file: f })),
  );
const corpusPresent = existsSync(CORPUS);
const questions = all.filter(
  (q) => (mode === 'all' || (mode === 'unseen') === unseen(q.q)) && (corpusPresent || !/^[0-9a-f]{16}$/.test(q.source ?? '')),
);
if (!corpusPresent) console.log(`(${CORPUS} is absent: questions on corpus documents are skipped)`);

// The app as deployed, on the date of this evaluation: seeds, the corpus documents the questions cite, the regime.
const dir = mkdtempSync(join(tmpdir(), 'eval-ask-'));
const clock = new ManualClock(new Date('2026-12-01T09:00:00+07:00'));
const app = await createApp({
  config: { DATABASE_URL: `file:${join(dir, 'eval.db')}`, INDEX_DIR: join(dir, 'index') },
  clock,
  log: silentLogger,
});
const cited = [...new Set(all.map((q) => q.source).filter((s): s is string => !!s && /^[0-9a-f]{16}$/.test(s)))];
await importPaths(app, ['data/documents', ...(corpusPresent ? cited.map((id) => join(CORPUS, `${id}.md`)) : [])]);
await loadRegimeFolder(app, 'data/regimes');
await openPeriod(app, '37-kh-stttt-ca-mau', '2026-Q3');
await openPeriod(app, '37-kh-stttt-ca-mau', '2026-Q4');
const { bot, answerer } = await buildRuntime(app, { scheduler: { clock, cron: false } });
const official = await createInvite(app, { role: 'official', agency: 'Sở Khoa học và Công nghệ', province: 'Cà Mau' });
const coordinator = await createInvite(app, { role: 'coordinator', province: 'Cà Mau' });
const say = async (user: string, text: string) =>
  (await bot.handle({ channel: 'console', userId: user, chatId: user, text })).map((m) => m.text).join('\n');
await say('official', `/start ${official.code}`);
await say('coordinator', `/start ${coordinator.code}`);

const norm = (s: string) => fold(s).replace(/[*_|]/g, ' ').replace(/\s+/g, ' ').trim();
const agencyKey = (name: string) => app.registry.resolve(name).key ?? norm(name);
// Numbers compared by their letters and digits (the text prints "24-CT/TU" where a reader may write "24/CT-TU"); a
// Quy chế/Quy định issued with a decision is that decision's ("Quy định ban hành kèm theo Quyết định 72/2025/QĐ-UBND").
const numberKey = (s: string) => norm(s).replace(/[^a-z0-9]/g, '');
const docMatches = (a: AnswerItem, want?: string) =>
  !want ||
  (want.startsWith('title:')
    ? norm(a.document.title).includes(norm(want.slice(6)))
    : [a.document.number, a.document.issuedWith?.number].some((n) => !!n && numberKey(n) === numberKey(want)));
const textMatches = (a: AnswerItem, want?: string) => !want || norm(`${a.text} ${a.value ?? ''}`).includes(norm(want));
const valueMatches = (a: AnswerItem, want?: string) =>
  !want || norm(`${a.value ?? ''} ${a.text}`).includes(norm(want).replace(/\s*%$/, ''));
/**
 * An expected lead is met by the answer's lead, any of its leads, (since 2025) a successor it names, or, for a task
 * the text addresses to a group ("Các doanh nghiệp viễn thông"), the group the reply says it is addressed to.
 */
const leadMatches = (a: AnswerItem, q: Question) => {
  const want = new Set([q.agency!, ...(q.also ?? [])].map(agencyKey));
  const got = [a.agency, ...a.leads, a.agency ? null : a.addressee].filter((x): x is string => !!x).map(agencyKey);
  return got.some((g) => want.has(g) || [...want].some((w) => g.includes(w) || w.includes(g)));
};
const KNOWLEDGE = new Set(['owner', 'agency_tasks', 'indicator', 'document', 'search']);
/** A reply that presents a passage or an answer (rather than "not found", "not understood" or a command's reply). */
const presents = (reply: string) =>
  /«|— (Quyết định|Kế hoạch|Chỉ thị|Nghị quyết|Công văn|Thông báo|Nghị định|Thông tư|Quy chế)\b/.test(reply) ||
  /^[^\n]{0,160} chủ trì[.;]/.test(reply);

type Outcome = 'right' | 'unsure' | 'wrong';
interface Row {
  n: number;
  right: number;
  wrong: number;
  mrr: number;
}
const rows = new Map<string, Row>();
const misses: string[] = [];
let empty = 0;
let unsureWithReadings = 0;
const calibration: { confidence: number; outcome: 'right' | 'unsure' | 'wrong'; intent: string }[] = [];

for (const q of questions) {
  const row = rows.get(q.intent) ?? { n: 0, right: 0, wrong: 0, mrr: 0 };
  rows.set(q.intent, row);
  row.n++;
  let outcome: Outcome;
  let detail = '';
  if (KNOWLEDGE.has(q.intent)) {
    const r = await answerer.answer(q.q, {});
    const first = r.answers[0];
    // "Không tìm thấy nhiệm vụ nào ghi rõ …; các đoạn văn bản …": passages offered, no answer claimed.
    if (!r.answers.length || /^Không tìm thấy nhiệm vụ nào ghi rõ/.test(r.reply)) {
      outcome = 'unsure';
      // "Not sure" with readings offered (the nearest passage among them) is no empty answer; it is counted apart.
      if (q.text && !r.answers.length) {
        if (r.readings?.length) unsureWithReadings++;
        else empty++;
      }
    } else if (q.intent === 'owner') {
      outcome = first && docMatches(first, q.document) && leadMatches(first, q) ? 'right' : 'wrong';
      detail = `want ${q.agency} (${q.document}) got ${first?.agency ?? '—'} (${first?.document.number ?? first?.document.title.slice(0, 40)})`;
    } else if (q.intent === 'agency_tasks') {
      const want = agencyKey(q.agency!);
      const good = r.answers.filter((a) => a.agency && (agencyKey(a.agency) === want || r.reply.includes('kế thừa')));
      const p = good.length / r.answers.length;
      outcome = p >= 0.8 && r.answers.some((a) => docMatches(a, q.document)) ? 'right' : 'wrong';
      detail = `precision ${p.toFixed(2)} of ${r.answers.length}, e.g. ${r.answers.find((a) => !good.includes(a))?.agency ?? '—'}`;
    } else {
      const rank = r.answers
        .slice(0, 10)
        .findIndex((a) => docMatches(a, q.document) && (q.intent === 'document' || (textMatches(a, q.text) && valueMatches(a, q.value))));
      if (rank >= 0) row.mrr += 1 / (rank + 1);
      outcome = rank === 0 ? 'right' : 'wrong';
      detail = `rank ${rank < 0 ? '>10' : rank + 1}; top ${first?.document.number ?? '—'} ${first?.text.slice(0, 60) ?? ''}`;
    }
    if (outcome === 'wrong') detail = `[${r.intent}] ${detail}`;
    if (r.confidence !== null && r.answers.length) calibration.push({ confidence: r.confidence, outcome, intent: q.intent });
  } else {
    // Intents of the conversation: the reply must be a reply to that (a command's, a list's), never a quote.
    const user = q.role === 'coordinator' ? 'coordinator' : 'official';
    const reply = await say(user, q.q);
    const notUnderstood = /chưa hiểu|không hiểu|Không tìm thấy|không rõ|Bạn muốn/i.test(reply);
    if (q.intent === 'unknown') outcome = presents(reply) ? 'wrong' : 'right';
    // A reply of the intent asked (a list of tasks by deadline, of documents) quotes passages by design: it is the
    // intent's reply, not a passage presented for something else. Its content is not checked here (crude).
    else if (q.intent === 'deadline' && /^(\d+ nhiệm vụ có thời hạn|Đoạn văn bản nói về việc này|.* không ghi thời hạn)/.test(reply))
      outcome = 'right';
    else
      outcome =
        presents(reply) && !/^(Nhiệm vụ|Văn bản|Có \d+|Tìm thấy \d+ văn bản)/.test(reply) ? 'wrong' : notUnderstood ? 'unsure' : 'right';
    await say(user, 'hủy'); // leave whatever the message opened
    detail = reply.replace(/\s+/g, ' ').slice(0, 110);
  }
  if (outcome === 'right') row.right++;
  if (outcome === 'wrong') row.wrong++;
  if (outcome !== 'right') misses.push(`${outcome === 'wrong' ? 'WRONG ' : 'unsure'} ${q.intent.padEnd(13)} ${q.q}\n         ${detail}`);
}

const pc = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '–');
const total = [...rows.values()].reduce((s, r) => ({ n: s.n + r.n, right: s.right + r.right, wrong: s.wrong + r.wrong }), {
  n: 0,
  right: 0,
  wrong: 0,
});
console.log(`questions: ${questions.length} (${mode}; files ${[...new Set(questions.map((q) => q.file))].join(', ')})`);
console.log('| intent | n | right | confidently wrong | MRR@10 |');
console.log('|---|---:|---:|---:|---:|');
for (const [k, r] of [...rows].sort()) {
  const mrr = ['indicator', 'document', 'search'].includes(k) ? (r.mrr / r.n).toFixed(3) : '—';
  console.log(`| ${k} | ${r.n} | ${pc(r.right, r.n)} | ${pc(r.wrong, r.n)} | ${mrr} |`);
}
console.log(`| **all** | ${total.n} | ${pc(total.right, total.n)} | ${pc(total.wrong, total.n)} | |`);
console.log(`content questions answered with nothing: ${empty} (and "not sure" with readings offered: ${unsureWithReadings})`);
if (args.includes('--calibrate')) {
  // Which confidence a "not sure" reply should start below: right and wrong answers per band.
  // All intents, then each intent with answers of its own, so that a threshold can be set per intent.
  for (const intent of [null, ...new Set(calibration.map((c) => c.intent))]) {
    if (intent) console.log(`-- ${intent}`);
    for (let lo = 0.5; lo < 1; lo += 0.05) {
      const band = calibration.filter(
        (c) => (!intent || c.intent === intent) && c.confidence >= lo && c.confidence < lo + 0.05 + (lo > 0.94 ? 0.01 : 0),
      );
      const [right, wrong] = [band.filter((c) => c.outcome === 'right').length, band.filter((c) => c.outcome === 'wrong').length];
      if (right + wrong) console.log(`confidence ${lo.toFixed(2)}–${(lo + 0.05).toFixed(2)}: right ${right}, wrong ${wrong}`);
    }
  }
}
if (verbose) console.log(`\n${misses.join('\n')}`);
await app.close();
