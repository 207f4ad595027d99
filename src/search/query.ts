// Rule-based understanding of a question (diacritics-insensitive, no network): intent, filters and topic.
import type { DocInfo } from './entries.ts';
import type { AgencyMatcher, AgencyName } from './agency-match.ts';
import type { SearchIndex } from './index.ts';
import { fold } from '../core/text.ts';
import type { Intent } from '../core/types.ts';
import { sectionRef, type SectionRef } from './section-ref.ts';
import { normalizeText } from './normalize.ts';
import { DOC_NUMBER } from '../ingest/parse/meta.ts';
import { findProvince } from './provinces.ts';
import {
  AS_WRITTEN,
  DEADLINE,
  DEADLINE_WORDS,
  REPORT_DUE,
  REPORT_DUE_WORDS,
  DOC_COUNT,
  DOC_WORD,
  FILLER_RE,
  HELP,
  INDICATOR,
  LIST_FILLER,
  LISTED_TYPE,
  LIST_WORD,
  META,
  OWNER_PHRASE,
  RECIPIENT,
  RECIPIENT_WORDS,
  TASK_WORDS,
  TYPES,
  WHO,
  dropVanBan,
} from './query-words.ts';

export type { Intent } from '../core/types.ts';

export interface ParsedQuestion {
  intent: Intent;
  norm: string; // the normalised question
  topic: string; // what is left to search for once intent words and filters are removed
  province: string | null;
  year: number | null;
  type: string | null;
  docs: DocInfo[]; // documents named by number
  /** The documents a question about `docs` is answered from: those named, then the regulations or plans they issued. */
  within?: number[];
  agency: AgencyName | null;
  /** Set by an explicit agency filter: only passages that agency leads or coordinates. */
  onlyAgency?: string;
  /** Set by an explicit year filter: the year is a requirement, not a preference. */
  strictYear?: boolean;
  problem: 'empty' | 'too_long' | 'noise' | null;
  /** Asks about the document itself (signer, dates), not its content. */
  meta?: boolean;
  /** A part of a named document ("Điều 5", "Phụ lục I", "mục II.3"): the answer is that part's passages, looked
   * for in `within`. */
  section?: SectionRef;
  /** A full document number typed ("71/2025/QĐ-UBND") that no stored document has, as typed. */
  unknownNumber?: string;
  /** Asks where to send something ("gửi về đâu"): the agency named after "gửi/nộp … về", not a task's lead. */
  recipient?: boolean;
  /** Asks when a named document's report is due ("hạn nộp báo cáo kế hoạch 37"): its sentence on reporting. */
  reportDue?: boolean;
  /** A list of documents asked in date order ("văn bản mới nhất", "cũ nhất"): the first one is the answer. */
  order?: 'newest' | 'oldest';
}

export const MAX_QUESTION = 1000;

/** A document number as people type it, any case: "71/2025/qd-ubnd", "1755/QĐ-TTg" (not "quý 3/2025"). */
const TYPED_NUMBER = new RegExp(DOC_NUMBER.source, 'iu');

export interface QueryContext {
  index: SearchIndex;
  agencies: AgencyMatcher;
  provinces: string[]; // provinces present in the DB
}

export function parseQuestion(raw: string, ctx: QueryContext): ParsedQuestion {
  const base: ParsedQuestion = {
    intent: 'unknown',
    norm: '',
    topic: '',
    province: null,
    year: null,
    type: null,
    docs: [],
    agency: null,
    problem: null,
  };
  const text = (raw ?? '').trim();
  if (!text) return { ...base, problem: 'empty' };
  if (text.length > MAX_QUESTION) return { ...base, problem: 'too_long' };
  const norm = normalizeQuestion(text);
  const trimmedQ = text.replace(/\s+/g, ' ').toLowerCase();
  if (HELP.test(trimmedQ.replace(/^\//, '/')) || HELP.test(norm)) return { ...base, intent: 'help', norm };
  const words = norm.split(' ').filter(Boolean);
  if (!words.length || !words.some((w) => /[a-z]{2,}|\d/.test(w))) return { ...base, norm, problem: 'noise' };

  const docs = ctx.index.findByNumber(text);
  // "ai ký 3933", "3933 có hiệu lực từ ngày nào": about a document named by its bare number (not a year), when one
  // stored document's number starts with it
  if (!docs.length && META.test(norm)) {
    const bare = [...norm.matchAll(/(?<![\d/])(\d{3,})(?![\d/])/g)].map((m) => m[1]!).filter((n) => !/^(?:19|20)\d\d$/.test(n));
    const named = bare.map((n) => ctx.index.findByLeadingNumber(n)).filter((ds) => ds.length === 1);
    if (named.length === 1) docs.push(named[0]![0]!);
  }
  // Only digits and signs ("1", "2,5", "100%") and no document number: a stray answer or a typo, not a question.
  if (!words.some((w) => /[a-z]{2,}/.test(w)) && !docs.length) return { ...base, norm, problem: 'noise' };
  // "… theo văn bản": how to name the agencies, not what to search
  const q = { rest: ` ${norm} `.replace(AS_WRITTEN, ' ') };
  const type = typeFilter(norm, words, docs, ctx, q);
  for (const d of docs) q.rest = withoutNumber(q.rest, d);
  // a number no stored document has is said; it is still searched (the passages citing it: "thực hiện 57-NQ/TW")
  const unknownNumber = docs.length ? null : (text.match(TYPED_NUMBER)?.[0] ?? null);
  const part = docs.length ? sectionRef(norm) : null;
  if (part) q.rest = q.rest.replace(` ${part.words} `, ' ');
  const within = docs.length ? withIssued(docs, ctx.index) : [];

  let year: number | null = null;
  const ym = norm.match(/\b(?:nam )?((?:19|20)\d\d)\b/);
  if (ym) {
    year = Number(ym[1]);
    q.rest = q.rest.replace(new RegExp(` (nam )?${ym[1]} `), ' ');
  }
  const prov = findProvince(norm, ctx.provinces);
  if (prov) q.rest = q.rest.replace(` ${prov.key} `, ' ');
  const { rest } = q;

  const agency = ctx.agencies.find(norm);
  const clean = cleaner(text, ctx);
  // Without the agency's name: what is asked about that agency ("Sở TT&TT phải làm gì về đào tạo" → "dao tao").
  const restNoAgency = agency
    ? ` ${rest
        .split(' ')
        .filter((w) => w && w !== 'va')
        .join(' ')} `.replace(` ${agency.phrase} `, ' ')
    : rest;
  const listOnly = !docs.length && isListOnly(norm, rest, clean);
  let intent = classify(norm, { docs, listOnly, agency, type, year, prov: prov !== null, bare: clean(restNoAgency) === '' });
  const recipient = intent === 'owner' && RECIPIENT.test(norm);
  const reportDue = intent === 'deadline' && docs.length > 0 && REPORT_DUE.test(norm);
  const topic = clean(askedAbout(intent, recipient, reportDue, rest, restNoAgency));
  // A named document with a topic ("17/CT-UBND nói gì về đào tạo") is a search inside that document.
  const meta = intent === 'document' && META.test(norm);
  const counted = intent === 'document' && DOC_COUNT.test(norm);
  if (intent === 'document' && !meta && !counted && !listOnly && topic.split(' ').filter((w) => w.length > 1).length >= 2)
    intent = 'search';
  const order = /\bcu nhat\b/.test(norm) ? 'oldest' : /\b(moi nhat|gan day|gan nhat)\b/.test(norm) ? 'newest' : null;
  return {
    ...base,
    intent,
    norm,
    topic: listOnly ? '' : topic,
    province: prov?.name ?? null,
    year,
    type,
    docs,
    ...(within.length ? { within } : {}),
    ...(unknownNumber ? { unknownNumber } : {}),
    agency,
    ...(meta ? { meta } : {}),
    ...(recipient ? { recipient } : {}),
    ...(reportDue ? { reportDue } : {}),
    ...(part ? { section: part } : {}),
    ...(listOnly && order ? { order } : {}),
  };
}

/** What is left to search once the words of the intent go: of a deadline (a report's), "where to send", an agency's tasks. */
function askedAbout(intent: Intent, recipient: boolean, reportDue: boolean, rest: string, restNoAgency: string): string {
  if (intent === 'deadline') {
    const left = restNoAgency.replace(DEADLINE_WORDS, ' ');
    return reportDue ? left.replace(REPORT_DUE_WORDS, ' ') : left;
  }
  if (intent === 'agency_tasks') return restNoAgency;
  return recipient ? rest.replace(RECIPIENT_WORDS, ' ') : rest;
}

/** Folded and normalised; "ct 17", "nq 18": a document type written short before its number ("kh", "qd" are expanded everywhere). */
function normalizeQuestion(text: string): string {
  return normalizeText(text).replace(
    /\b(ct|nq)( so)? (\d+)\b/g,
    (_m, t: string, so: string | undefined, n: string) => `${t === 'ct' ? 'chi thi' : 'nghi quyet'}${so ?? ''} ${n}`,
  );
}

/**
 * The document type the question filters on, its word cut from `q.rest`; "kế hoạch 37" also adds the stored
 * documents of that type whose number begins so to `docs`.
 */
function typeFilter(norm: string, words: string[], docs: DocInfo[], ctx: QueryContext, q: { rest: string }): string | null {
  const ym0 = /\b(19|20)\d\d\b/.test(norm);
  let type: string | null = null;
  for (const [re, name] of TYPES) {
    const m = norm.match(new RegExp(`${re.source} (so )?(\\d+)\\b`));
    if (m && !docs.length) {
      const lead = ctx.index.findByLeadingNumber(m[2]!).filter((d) => d.type === name);
      if (lead.length) docs.push(...lead);
    }
    const leading = new RegExp(`^(van ban |theo )?${re.source}`).test(norm);
    // A type no stored document has ("quy hoạch" when none is of that type) is searched as words.
    const held = ctx.index.types.has(name);
    // "có bao nhiêu chỉ thị", "những kế hoạch nào": a short list request names the type it lists.
    const listed = re.test(norm) && words.length <= 8 && /\b(bao nhieu|may|nhung|liet ke|danh sach|tat ca)\b/.test(norm);
    if (held && (m || (leading && (ym0 || words.length <= 6)) || (re.test(norm) && words.length <= 4) || listed)) {
      type = name;
      q.rest = q.rest.replace(new RegExp(` ${re.source} `), ' ');
    }
  }
  return type;
}

/** `rest` without document `d`'s number and the words of its suffix however they were typed. */
function withoutNumber(rest: string, d: DocInfo): string {
  // the number's first figure as typed ("71" of "71/2025/QĐ-UBND"; its compact key would read "712025")
  const digits = d.number?.match(/^\d+/)?.[0];
  if (!digits) return rest;
  // "3933 qd ubnd" reads "3933 quyet dinh uy ban nhan dan".
  const parts = fold(d.number!)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const own = new Set([...parts, ...normalizeText(parts.join(' ')).split(' '), 'so']);
  const ws = rest.trim().split(' ');
  const at = ws.indexOf(digits);
  if (at < 0) return rest;
  let end = at + 1;
  while (end < ws.length && own.has(ws[end]!)) end++;
  // "tại TB 627/TB-VPCP", "theo QĐ số 3933": the type, "số" and the preposition before the number go with it.
  let start = at;
  while (start > 0 && own.has(ws[start - 1]!)) start--;
  if (start > 0 && ['tai', 'theo', 'trong', 'o'].includes(ws[start - 1]!)) start--;
  return ` ${[...ws.slice(0, start), ...ws.slice(end)].join(' ')} `;
}

/** The topic of what is left: fillers, the asked-for "văn bản" and a "sở"/"số 17" left behind gone. */
function cleaner(text: string, ctx: QueryContext): (s: string) => string {
  // "so" is kept: "số trạm", "số hóa" are words; only "số 17" (a number follows) and a lone "sở" left behind go.
  // A last "so" is a word ("số", "khóa sổ") unless typed "sở", or typed bare and no word the corpus has with the one
  // before ("dân số" is).
  const lastSo = [...text.normalize('NFC').matchAll(/(?<!\p{L})s\p{L}(?!\p{L})/gu)]
    .map((m) => m[0].toLowerCase())
    .filter((w) => fold(w) === 'so')
    .at(-1);
  const keepLastSo = (prev: string) => lastSo !== 'sở' && (lastSo !== 'so' || (!!prev && ctx.index.isPhraseFn(prev, 'so')));
  return (s: string) =>
    dropVanBan(withoutFillers(s))
      .replace(/(?<= |^)so(?= \d)/g, ' ')
      .replace(/(?:^| )(\S*) so$|^so$/, (m, prev?: string) => (prev && keepLastSo(prev) ? m : ` ${prev ?? ''}`))
      .replace(/\s+/g, ' ')
      .trim();
}

/** `s` without its fillers, also those its fillers held apart ("giao nhiệm vụ gì cho" → "giao cho" → ""). */
function withoutFillers(s: string): string {
  let out = s.replace(/\s+/g, ' ').trim();
  for (let before = ''; before !== out;) {
    before = out;
    out = out.replace(FILLER_RE, ' ').replace(/\s+/g, ' ').trim();
  }
  return out;
}

/** Nothing but a list request, a type, a province or a year: the documents themselves. */
function isListOnly(norm: string, rest: string, clean: (s: string) => string): boolean {
  if (!DOC_WORD.test(norm) || !LIST_WORD.test(norm)) return false;
  const left = ` ${rest} `
    .replace(/\b(van ban|vb|moi nhat|cu nhat|gan day|gan nhat|liet ke|danh sach|tat ca|ban hanh|hien co|bao nhieu)\b/g, ' ')
    // "có bao nhiêu chỉ thị": the type word asked for is the list's filter, not a topic
    .replace(LISTED_TYPE, ' ')
    .split(' ')
    .filter((w) => !LIST_FILLER.has(w))
    .join(' ');
  return clean(left) === '';
}

interface Found {
  docs: DocInfo[];
  listOnly: boolean;
  agency: AgencyName | null;
  type: string | null;
  year: number | null;
  prov: boolean;
  bare: boolean; // nothing left beside the agency's name
}

/** The intent, in this order: the order is the rule. */
function classify(norm: string, f: Found): Intent {
  if (f.docs.length && REPORT_DUE.test(norm)) return 'deadline';
  if (f.docs.length && (META.test(norm) || DOC_COUNT.test(norm))) return 'document';
  if (f.listOnly) return 'document';
  if (RECIPIENT.test(norm)) return 'owner';
  if (DEADLINE.test(norm) && !/\bbao cao\b/.test(norm)) return 'deadline';
  if (WHO.test(norm)) return 'owner';
  if (f.agency && TASK_WORDS.test(norm)) return 'agency_tasks';
  if (INDICATOR.test(norm)) return 'indicator';
  if (OWNER_PHRASE.test(norm)) return 'owner';
  if (f.docs.length || (f.type && (f.year || f.prov))) return 'document';
  if (f.agency && f.bare) return 'agency_tasks';
  return 'search';
}

/** Those named, then the regulations or plans they issued ("Quy chế ban hành kèm theo Quyết định 71/2025/QĐ-UBND"). */
function withIssued(docs: DocInfo[], index: SearchIndex): number[] {
  const issued = [...new Set(docs.map((d) => d.number))].flatMap((n) => (n ? index.issuedBy(n) : []));
  return [...docs, ...issued].map((d) => d.id);
}
