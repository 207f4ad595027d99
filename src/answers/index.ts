// The Answerer: question in, cited short Vietnamese answer out. Owns the search index's lifecycle.
import type { App } from '../app.ts';
import { AgencyMatcher } from '../search/agency-match.ts';
import { fingerprint, loadCorpus } from '../search/entries.ts';
import { SearchIndex } from '../search/index.ts';
import { parseQuestion, type ParsedQuestion, type QueryContext } from '../search/query.ts';
import { isAppError } from '../core/errors.ts';
import { provinces } from '../ingest/provinces.ts';
import { applyFilter, describeFilter, readFilter, type AnswerFilters } from './filters.ts';
import { provinceNotes } from './today.ts';
import { agencyTasks, document, indicator, owner, search, type Built, type Ctx } from './intents.ts';
import { asksDocumentLeads, asksDocumentTasks, sectionAnswer } from './section.ts';
import { deadlines } from './deadlines.ts';
import { ANSWER_TEXT, type AnswerText } from './reply-text.ts';
import type { AnswerIntent, AnswerOptions, AnswerResult, Answerer } from './types.ts';
import { AS_WRITTEN, META } from '../search/query-words.ts';
import { numberKey } from '../search/normalize.ts';

export type { AnswerItem, AnswerResult, Answerer, AnswerIntent } from './types.ts';

/** "theo văn bản", "như văn bản ghi": the agencies as the text names them, without today's successors. */
const asWritten = (q: ParsedQuestion) => AS_WRITTEN.test(` ${q.norm} `);

/**
 * Below this share of the question found in the best passage, the passage is not presented as the answer: the reply
 * says what was understood and offers readings. Measured on the seen part of test/eval/qa (npm run eval:ask --
 * --calibrate): under 0.60, 14 of 20 answers were wrong; from 0.60 to 0.70, 6 of 16; above, far fewer. A passage
 * search is held to more (03/12/2026, per intent: below 0.80 its answers were wrong 6 times in 10, above 0.80 8 in 45).
 */
const WEAK = 0.6;
const WEAK_BY_INTENT: Partial<Record<AnswerIntent, number>> = { search: 0.8 };
const GATED = new Set<AnswerIntent>(['owner', 'indicator', 'search', 'deadline']);

/**
 * The reply for a question whose best passage holds too little of it: what was understood, and up to three readings
 * that each lead somewhere else (the closest passage itself, who leads it, the documents on it).
 */
function notSure(question: string, q: ParsedQuestion, built: Built, t: AnswerText): Built & { readings: string[] } {
  const asked = question
    .replace(/\s+/g, ' ')
    .replace(/[?.!…]+$/u, '')
    .trim()
    .slice(0, 80);
  const first = built.answers[0];
  const where = first ? [first.document.type, first.document.number].filter(Boolean).join(' ') : null;
  const gist = first ? first.text.replace(/\s+/g, ' ').split(/[;.]/)[0]!.slice(0, 90).trim() : null;
  const readings = [...(gist ? [gist] : []), ...(q.intent === 'owner' ? [] : [`ai chủ trì ${asked}`]), `các văn bản về ${asked}`].slice(
    0,
    3,
  );
  return {
    answers: [],
    hasMore: false,
    confidence: built.confidence,
    readings,
    reply: `${t.notSure(asked, where)}\n${readings.map((r, i) => `${i + 1}. ${r}`).join('\n')}\n${t.pickOne}`,
  };
}

/** Intents whose answer a document named by number scopes: with a number no stored document has, there is none. */
const ABOUT_THE_DOCUMENT = new Set<AnswerIntent>(['owner', 'agency_tasks', 'indicator', 'deadline']);

/** Intents whose province, year or type read from the question are set aside when they leave nothing. */
const RELAXABLE = new Set<AnswerIntent>(['owner', 'indicator', 'search']);

/** Intents whose answer depends on the province (a document number already names its own). */
const PROVINCE_SCOPED = new Set<AnswerIntent>(['owner', 'agency_tasks', 'indicator', 'search', 'deadline']);

const problemReply = (p: NonNullable<ParsedQuestion['problem']>, t: AnswerText): string =>
  p === 'empty' ? t.empty : p === 'too_long' ? t.tooLong : t.noise;

/** Loads the persisted index when the DB (fingerprint `fp`) is unchanged, otherwise rebuilds and saves it. */
async function loadOrBuildIndex(app: App, fp: string): Promise<SearchIndex> {
  const dir = app.config.INDEX_DIR;
  const t0 = performance.now();
  const loaded = dir ? SearchIndex.load(dir, fp) : null;
  if (loaded) {
    app.log.debug({ entries: loaded.size, ms: Math.round(performance.now() - t0) }, 'search index loaded');
    return loaded;
  }
  const index = SearchIndex.build(await loadCorpus(app.db));
  if (dir) {
    try {
      await index.save(dir, fp);
    } catch (e) {
      app.log.warn({ err: (e as Error).message, dir }, 'could not save the search index');
    }
  }
  app.log.info({ entries: index.size, ms: Math.round(performance.now() - t0) }, 'search index built');
  return index;
}

/**
 * A number no stored document has: an answer about that document from another is none ("qd 99/2025 ai chủ trì"
 * answered from any plan), unless its passage cites it ("ai chủ trì thực hiện 57-NQ/TW" from the plan implementing
 * it); "ai ký 1755/QĐ-TTg" asks about the document itself. A search for the passages citing it is answered, said to
 * be from other documents.
 */
function withUnknownNumber(n: string, q: ParsedQuestion, built: Built, t: AnswerText): Built {
  const key = numberKey(n);
  const cites = built.answers.some((a) => numberKey(`${a.text} ${a.document.title}`).includes(key));
  if ((ABOUT_THE_DOCUMENT.has(q.intent) && !cites) || META.test(q.norm))
    return { answers: [], reply: t.numberNotStored(n), hasMore: false };
  return built.answers.length ? { ...built, reply: `${t.numberNotStoredOthers(n)}\n${built.reply}` } : built;
}

/** The reply of the intent the question was read as. */
async function byIntent(ctx: Ctx, q: ParsedQuestion, page: number): Promise<Built> {
  // "Điều 5 của quy chế 161 quy định gì": that part of the document, whatever else the question reads as
  if (q.section && (q.intent === 'search' || q.intent === 'document')) return sectionAnswer(ctx, q, q.section, page);
  // "mục II.1 kế hoạch 37 sở nào chủ trì": the part's tasks with their leads (with a topic, the part narrows the answer)
  if (q.section && (q.intent === 'owner' || q.intent === 'agency_tasks') && !q.topic.trim())
    return sectionAnswer(ctx, q, q.section, page, true);
  // "kế hoạch 37 ai chủ trì", "qd 71/2025 giao cho những cơ quan nào": the document's tasks with their leads
  if ((q.intent === 'owner' || (q.intent === 'agency_tasks' && !q.agency)) && asksDocumentLeads(ctx, q))
    return sectionAnswer(ctx, q, null, page, true);
  // "kế hoạch 37 có những nhiệm vụ nào": the same list (before: the document's summary, "Gồm 10 nhiệm vụ")
  if ((q.intent === 'document' || q.intent === 'search') && asksDocumentTasks(ctx, q)) return sectionAnswer(ctx, q, null, page, true);
  switch (q.intent) {
    case 'owner':
      return owner(ctx, q);
    case 'agency_tasks':
      return agencyTasks(ctx, q, page);
    case 'indicator':
      return indicator(ctx, q);
    case 'document':
      return document(ctx, q, page);
    case 'search':
      return search(ctx, q, page);
    case 'deadline':
      return deadlines(ctx, q, page);
    case 'help':
      return { answers: [], reply: ctx.t.help, hasMore: false };
    default:
      return { answers: [], reply: problemReply(q.problem ?? 'noise', ctx.t), hasMore: false };
  }
}

/**
 * A province, year or type read from the question that leaves nothing ("Đồng Nai" in a Government notice about
 * Long Thành, "Chỉ thị … 2007" of a text dated 2008): the answer without them, saying which were set aside. Never
 * for a document named by number or a filter set by command (those are the asker's requirement).
 */
async function relaxed(
  build: (q: ParsedQuestion, page: number) => Promise<Built>,
  q: ParsedQuestion,
  page: number,
  t: AnswerText,
): Promise<Built | null> {
  if (!RELAXABLE.has(q.intent) || q.docs.length || q.strictYear || !(q.province || q.year || q.type)) return null;
  // The year and the type first (a province is the likelier requirement), then the province, then all.
  const tries: Partial<ParsedQuestion>[] = [{ year: null, type: null }, { province: null }, { province: null, year: null, type: null }];
  for (const drop of tries) {
    const dropped = (['type', 'province', 'year'] as const).filter((k) => k in drop && q[k]);
    if (!dropped.length) continue;
    const r = await build({ ...q, ...drop }, page);
    if (!r.answers.length) continue;
    const said = { type: t.droppedType(q.type ?? ''), province: t.droppedProvince(q.province ?? ''), year: t.droppedYear(q.year ?? 0) };
    return { ...r, reply: t.relaxed(dropped.map((k) => said[k]).join(', '), r.reply) };
  }
  return null;
}

export async function createAnswerer(app: App): Promise<Answerer> {
  let qctx: QueryContext;
  let base: Omit<Ctx, 'now' | 'asWritten' | 't'>;

  let loadedFp = '';
  async function refresh(): Promise<void> {
    loadedFp = await fingerprint(app.db);
    const index = await loadOrBuildIndex(app, loadedFp);
    const agencies = await AgencyMatcher.load(app.db, app.registry);
    const provinces = [...new Set([...index.docs.values()].map((d) => d.province).filter((p): p is string => !!p))];
    qctx = { index, agencies, provinces };
    base = { db: app.db, index, agencies, registry: app.registry };
  }
  await refresh();

  // The date of the question decides who carries a task today; "theo văn bản" asks for the text's own wording.
  const build = (q: ParsedQuestion, page: number, t: AnswerText): Promise<Built> =>
    byIntent({ ...base, now: app.clock.now(), asWritten: asWritten(q), t }, q, page);

  /**
   * A question that names no province is answered for the asker's own province first (an official of Cà Mau asking
   * "Sở TT&TT phải làm gì?" means Cà Mau's), saying so; when that province has nothing, every province is searched.
   */
  async function buildForAsker(q: ParsedQuestion, page: number, province: string | null, t: AnswerText): Promise<Built> {
    const scoped =
      province &&
      !q.province &&
      PROVINCE_SCOPED.has(q.intent) &&
      qctx.provinces.some((p) => provinces().covers(province, p, app.clock.now()));
    if (!scoped) return build(q, page, t);
    const own = await build({ ...q, province }, page, t);
    if (!own.answers.length) return build(q, page, t);
    return { ...own, reply: `${own.reply}\n${t.ownProvince(province)}` };
  }

  return {
    agencies: () => qctx.agencies,
    checkFilter(filter: AnswerFilters | string): string {
      return describeFilter(readFilter(filter, qctx));
    },
    classify(text: string): AnswerIntent {
      return parseQuestion(text, qctx).intent;
    },
    async answer(question: string, opts: AnswerOptions = {}): Promise<AnswerResult> {
      const page = Math.max(1, Math.floor(opts.page ?? 1));
      const t = ANSWER_TEXT(opts.locale);
      let q = parseQuestion(String(question ?? ''), qctx);
      let built: Built;
      try {
        let filterNote = '';
        if (opts.filters) {
          const f = readFilter(opts.filters, qctx);
          q = applyFilter(q, f);
          // A filter set in chat is a string; tell the chatter how to drop it.
          filterNote = `\n${t.filtering(describeFilter(f), typeof opts.filters === 'string')}`;
        }
        built = await buildForAsker(q, page, opts.province ?? null, t);
        if (!built.answers.length && !opts.filters) built = (await relaxed((x, p) => build(x, p, t), q, page, t)) ?? built;
        if (q.unknownNumber) built = withUnknownNumber(q.unknownNumber, q, built, t);
        // A question naming its document is understood by that alone; others must find enough of their words.
        const weak = built.confidence !== undefined && built.confidence < (WEAK_BY_INTENT[q.intent] ?? WEAK) && !q.docs.length;
        if (GATED.has(q.intent) && weak && built.answers.length) built = notSure(question, q, built, t);
        if (filterNote && !['help', 'unknown'].includes(q.intent)) built = { ...built, reply: built.reply + filterNote };
        const notes = asWritten(q) ? [] : provinceNotes([q.province, ...built.answers.map((a) => a.document.province)], app.clock.now(), t);
        if (notes.length) built = { ...built, reply: `${built.reply}\n${notes.join('\n')}` };
      } catch (e) {
        if (isAppError(e))
          return { question, intent: q.intent, answers: [], reply: e.messageIn(opts.locale), page, hasMore: false, confidence: null };
        app.log.error({ err: (e as Error).message, question: question.slice(0, 200) }, 'answer failed');
        built = { answers: [], reply: t.failed, hasMore: false };
      }
      return {
        question,
        intent: q.intent,
        answers: built.answers,
        reply: built.reply,
        page,
        hasMore: built.hasMore,
        confidence: built.confidence ?? null,
        ...('readings' in built ? { readings: built.readings as string[] } : {}),
      };
    },
    refresh,
    async refreshIfChanged(): Promise<boolean> {
      if ((await fingerprint(app.db)) === loadedFp) return false;
      await refresh();
      return true;
    },
  };
}
