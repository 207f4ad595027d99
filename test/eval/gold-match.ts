// Scoring parser output against hand-written gold annotations (test/eval/corpus-gold/*.json).
// Pure: takes gold and parsed documents, returns counts. Used by `npm run eval:gold` and its unit test.
import type { AgencyRef, ParsedDocument, ParsedTask } from '../../src/core/types.ts';
import type { AgencyRegistry } from '../../src/ingest/agencies.ts';
import { foldKeep } from '../../src/ingest/parse/vn.ts';

export interface GoldTask {
  doc?: number;
  section?: string;
  quote: string;
  lead: string[];
  coordinators: string[];
  deadline: string | null;
}

export interface GoldFile {
  file: string;
  documents?: { number?: string | null; type?: string; province?: string | null; date?: string | null; signer?: string | null }[];
  tasks: GoldTask[];
}

export interface Score {
  gold: number; // gold tasks
  found: number; // parser tasks
  matched: number; // gold tasks matched one-to-one to a parser task
  leadOk: number; // matched tasks whose lead set is right
  coordGold: number; // coordinators of matched gold tasks
  coordFound: number; // of those, named by the parser
  coordExtra: number; // parser coordinators of matched tasks that gold does not name
  deadlineGold: number; // matched gold tasks with a deadline
  deadlineOk: number; // of those, the parser's deadline agrees
  misses: { quote: string; section?: string }[];
  extras: string[];
  wrongLeads: { quote: string; gold: string[]; got: string[] }[];
  wrongDeadlines: { quote: string; gold: string; got: string | null }[];
  wrongCoordinators: { quote: string; gold: string[]; got: string[] }[];
}

export const emptyScore = (): Score => ({
  gold: 0,
  found: 0,
  matched: 0,
  leadOk: 0,
  coordGold: 0,
  coordFound: 0,
  coordExtra: 0,
  deadlineGold: 0,
  deadlineOk: 0,
  misses: [],
  extras: [],
  wrongLeads: [],
  wrongDeadlines: [],
  wrongCoordinators: [],
});

export function addScore(a: Score, b: Score): Score {
  return {
    gold: a.gold + b.gold,
    found: a.found + b.found,
    matched: a.matched + b.matched,
    leadOk: a.leadOk + b.leadOk,
    coordGold: a.coordGold + b.coordGold,
    coordFound: a.coordFound + b.coordFound,
    coordExtra: a.coordExtra + b.coordExtra,
    deadlineGold: a.deadlineGold + b.deadlineGold,
    deadlineOk: a.deadlineOk + b.deadlineOk,
    misses: [...a.misses, ...b.misses],
    extras: [...a.extras, ...b.extras],
    wrongLeads: [...a.wrongLeads, ...b.wrongLeads],
    wrongDeadlines: [...a.wrongDeadlines, ...b.wrongDeadlines],
    wrongCoordinators: [...a.wrongCoordinators, ...b.wrongCoordinators],
  };
}

/** Folded words: tones, case and punctuation gone. */
export function words(s: string): string[] {
  return foldKeep(s.normalize('NFC'))
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
}

/** How well a parser task's text carries a gold quote: 1 when the quote's opening words appear in it in order. */
export function quoteScore(quote: string, text: string): number {
  const q = words(quote).slice(0, 14);
  const t = words(text);
  if (q.length === 0 || t.length === 0) return 0;
  const joined = ` ${t.join(' ')} `;
  for (let n = q.length; n >= Math.min(6, q.length); n--)
    if (joined.includes(` ${q.slice(0, n).join(' ')} `)) return 0.5 + (0.5 * n) / q.length;
  const bag = new Set(t);
  const have = q.filter((w) => bag.has(w)).length / q.length;
  return have >= 0.85 ? 0.4 * have : 0;
}

const PLACE_TAIL = /\s+(?:tinh|thanh pho|tp)\s+[a-z ]+$/;
const ROLE_HEAD = /^(?:giam doc|thu truong|chu tich|lanh dao|chanh van phong|truong ban|pho chu tich)\s+/;

/** A comparable form of an agency name: registry key when known, else its folded words without role or place. */
function agencyForm(name: string, registry: AgencyRegistry): string {
  const key = registry.resolve(name).key;
  if (key) return `#${key}`;
  return words(name)
    .join(' ')
    .replace(ROLE_HEAD, '')
    .replace(PLACE_TAIL, '')
    .replace(/ co lien quan$| lien quan$/, '');
}

function sameAgency(a: string, b: string, registry: AgencyRegistry): boolean {
  const fa = agencyForm(a, registry);
  const fb = agencyForm(b, registry);
  if (fa === fb) return true;
  if (fa.startsWith('#') || fb.startsWith('#')) {
    // A registry name against a longer written one: compare written words.
    const wa = words(a).join(' ');
    const wb = words(b).join(' ');
    return wa.length > 6 && wb.length > 6 && (wa.startsWith(wb) || wb.startsWith(wa));
  }
  return fa.length > 6 && fb.length > 6 && (fa.includes(fb) || fb.includes(fa));
}

/** Every party the parser holds responsible for a task: its leads, or its addressee when no agency leads. */
export function parsedLeads(t: ParsedTask & { leads?: AgencyRef[] }): string[] {
  return [...t.leads.map((l) => l.asWritten), ...(t.addressee ? [t.addressee] : [])];
}

function setsAgree(gold: string[], got: string[], registry: AgencyRegistry): boolean {
  return (
    gold.length > 0 &&
    gold.every((g) => got.some((x) => sameAgency(g, x, registry))) &&
    got.every((x) => gold.some((g) => sameAgency(g, x, registry)))
  );
}

function deadlineAgrees(gold: string, got: string | null): boolean {
  if (!got) return false;
  const g = words(gold).join(' ');
  const x = words(got).join(' ');
  return g === x || (g.length >= 4 && x.includes(g)) || (x.length >= 4 && g.includes(x));
}

/** Matches gold tasks to parsed tasks one to one (best quote score first) and counts what agrees. */
export function scoreFile(gold: GoldFile, docs: ParsedDocument[], registry: AgencyRegistry): Score {
  const parsed = docs.flatMap((d) => d.tasks as (ParsedTask & { leads?: AgencyRef[] })[]);
  const s = emptyScore();
  s.gold = gold.tasks.length;
  s.found = parsed.length;
  const pairs: { g: number; p: number; score: number }[] = [];
  gold.tasks.forEach((g, gi) =>
    parsed.forEach((p, pi) => {
      const score = quoteScore(g.quote, p.text);
      if (score > 0) pairs.push({ g: gi, p: pi, score });
    }),
  );
  pairs.sort((a, b) => b.score - a.score || a.p - b.p);
  const gUsed = new Map<number, number>();
  const pUsed = new Set<number>();
  for (const pr of pairs) {
    if (gUsed.has(pr.g) || pUsed.has(pr.p)) continue;
    gUsed.set(pr.g, pr.p);
    pUsed.add(pr.p);
  }
  gold.tasks.forEach((g, gi) => {
    const pi = gUsed.get(gi);
    if (pi === undefined) {
      s.misses.push({ quote: g.quote, section: g.section });
      return;
    }
    const p = parsed[pi]!;
    s.matched++;
    const got = parsedLeads(p);
    if (setsAgree(g.lead, got, registry)) s.leadOk++;
    else s.wrongLeads.push({ quote: g.quote, gold: g.lead, got });
    const coords = p.coordinators.map((c) => c.asWritten);
    s.coordGold += g.coordinators.length;
    s.coordFound += g.coordinators.filter((c) => coords.some((x) => sameAgency(c, x, registry))).length;
    const extra = coords.filter((x) => !g.coordinators.some((c) => sameAgency(c, x, registry)));
    s.coordExtra += extra.length;
    if (extra.length || g.coordinators.some((c) => !coords.some((x) => sameAgency(c, x, registry))))
      s.wrongCoordinators.push({ quote: g.quote, gold: g.coordinators, got: coords });
    if (g.deadline) {
      s.deadlineGold++;
      if (deadlineAgrees(g.deadline, p.deadline)) s.deadlineOk++;
      else s.wrongDeadlines.push({ quote: g.quote, gold: g.deadline, got: p.deadline });
    }
  });
  parsed.forEach((p, pi) => {
    if (!pUsed.has(pi)) s.extras.push(p.text.slice(0, 120));
  });
  return s;
}
