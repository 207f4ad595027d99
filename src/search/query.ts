// Rule-based understanding of a question (diacritics-insensitive, no network): intent, filters and topic.
import type { DocInfo } from './entries.ts';
import type { AgencyMatcher, AgencyName } from './agency-match.ts';
import type { SearchIndex } from './index.ts';
import { fold } from '../core/text.ts';
import type { Intent } from '../core/types.ts';
import { normalizeText } from './normalize.ts';
import { findProvince } from './provinces.ts';

export type { Intent } from '../core/types.ts';

export interface ParsedQuestion {
  intent: Intent;
  norm: string; // the normalised question
  topic: string; // what is left to search for once intent words and filters are removed
  province: string | null;
  year: number | null;
  type: string | null;
  docs: DocInfo[]; // documents named by number
  agency: AgencyName | null;
  /** Set by an explicit agency filter: only passages that agency leads or coordinates. */
  onlyAgency?: string;
  /** Set by an explicit year filter: the year is a requirement, not a preference. */
  strictYear?: boolean;
  problem: 'empty' | 'too_long' | 'noise' | null;
  /** Asks about the document itself (signer, dates), not its content. */
  meta?: boolean;
  /** A list of documents asked in date order ("văn bản mới nhất", "cũ nhất"): the first one is the answer. */
  order?: 'newest' | 'oldest';
}

export const MAX_QUESTION = 1000;

const HELP = /^\/?(help|tro giup|huong dan|giup do|giup|menu|start|\?)$/;
/** Asks for a list of documents: "Cà Mau có những văn bản nào", "văn bản mới nhất", "có mấy quyết định". */
const DOC_WORD = /\b(van ban|vb|chi thi|quyet dinh|ke hoach|nghi quyet|cong van)\b/;
const LIST_WORD = /\b(nhung|cac|nao|gi|moi nhat|cu nhat|gan day|gan nhat|liet ke|danh sach|tat ca|bao nhieu|may)\b/;
const LIST_FILLER = new Set([
  'co',
  'cac',
  'nhung',
  'cai',
  'nao',
  'gi',
  'may',
  'la',
  'duoc',
  'hien',
  'nay',
  'da',
  'cua',
  'o',
  'tai',
  'tinh',
  'thanh',
  'pho',
]);
/** About deadlines: "đến hạn", "quá hạn", "phải xong", "hạn chót", "trước ngày nào". */
const DEADLINE =
  /\b(den han|het han|qua han|tre han|sap den han|sap het han|han chot|han cuoi|phai xong|phai hoan thanh|chua xong|moc thoi gian|truoc ngay nao|thoi han nao|han nao)\b/;
/** The words of a deadline question that say when, not what ("quý này", "tháng 12", "có việc gì"). */
const DEADLINE_WORDS =
  /\b(den han|het han|qua han|tre han|sap den han|sap het han|han chot|han cuoi|phai xong|phai hoan thanh|chua xong|moc thoi gian|truoc ngay nao|thoi han nao|han nao|trong|quy nay|quy hien tai|thang \d{1,2}|6 thang (dau|cuoi) nam|co|viec|nhiem vu|nv|con|sap|roi|k|ko|khong|theo|truoc|nam|da|phai|xong|gi|nao)\b/g;
/** About a document itself: who signed it, when it was issued or takes effect ("1578 do ai ký?", "kh 37 ban hành ngày nào"). */
const META =
  /\b(ai ky|nguoi ky|do ai ky|ky ngay|ky khi nao|ky ban hanh|ban hanh ngay|ban hanh khi nao|ban hanh luc nao|ngay ban hanh|ngay ky|ngay nao|khi nao ban hanh|hieu luc)\b/;
const WHO = /\b(ai|so nao|bo nao|co quan nao|don vi nao|nganh nao|ben nao|cap nao|noi nao|bo phan nao|so gi|co quan gi|don vi gi)\b/;
const OWNER_PHRASE =
  /\b(co quan|don vi|so|ben) (chu tri|phu trach|chiu trach nhiem|dau moi)\b|\b(chu tri|phu trach|dau moi) la\b|\bgiao cho\b/;
const TASK_WORDS =
  /\b(phai lam gi|lam gi|lam nhung gi|nhiem vu|duoc giao|giao gi|giao nhung gi|trach nhiem|viec gi|phai thuc hien|can lam|nhung viec|chu tri nhung|phu trach nhung|phu trach gi|chu tri gi|nhung gi)\b/;
const INDICATOR =
  /\b((?<!chuong trinh )muc tieu(?! quoc gia)|chi tieu|ty le|bao nhieu|kinh phi|doanh thu|mat do|von dau tu|ngan sach|phan tram|dat muc)\b/;
const TYPES: [RegExp, string][] = [
  [/\bchi thi\b/, 'Chỉ thị'],
  [/\bquyet dinh\b/, 'Quyết định'],
  [/\bke hoach\b/, 'Kế hoạch'],
  [/\bquy hoach\b/, 'Quy hoạch'],
  [/\bnghi quyet\b/, 'Nghị quyết'],
  [/\bcong van\b/, 'Công văn'],
];
const FILLERS = [
  'cho toi biet',
  'cho toi hoi',
  'toi muon biet',
  'xin hoi',
  'cho hoi',
  'cho biet',
  'hay cho',
  'vui long',
  'la ai',
  'la gi',
  'la bao nhieu',
  'trong bao lau',
  'bao lau',
  'bao gio',
  'luc nao',
  'bao nhieu',
  'nhu the nao',
  'the nao',
  'ra sao',
  'nhung gi',
  'phai lam gi',
  'lam nhung gi',
  'lam gi',
  'duoc giao gi',
  'giao gi',
  'giao nhung gi',
  'nhiem vu cua',
  'nhiem vu gi',
  'nhiem vu',
  'chiu trach nhiem',
  'trach nhiem cua',
  'trach nhiem',
  'chu tri',
  'phu trach',
  'dau moi',
  'duoc giao',
  'giao cho',
  'so nao',
  'bo nao',
  'co quan nao',
  'don vi nao',
  'nganh nao',
  'ben nao',
  'cap nao',
  'noi nao',
  'bo phan nao',
  'so gi',
  'co quan gi',
  'don vi gi',
  'muc tieu',
  'chi tieu',
  'phai',
  'can',
  'ai',
  'gi',
  'nao',
  'vay',
  'a',
  'nhi',
  'khong',
  'hoi',
  'anh chi oi',
  'anh chi',
  'cho em hoi',
  'em muon biet',
  'chut',
  'oi',
  'kinh gui',
  'xin chao',
  'cam on',
  'tra giup',
  'tinh',
  'thanh pho',
  'co quan',
  'don vi',
  'viec',
  'cong tac',
  'nhung',
  've',
  'o',
  'noi dung',
  'quy dinh',
  'yeu cau',
  'dat',
  'dat muc',
  'thuc hien',
];
const FILLER_RE = new RegExp(`(?<= |^)(${FILLERS.sort((a, b) => b.length - a.length).join('|')})(?= |$)`, 'g');

/**
 * "văn bản" is the document asked for ("văn bản nào nói về …", "… theo văn bản"), except between two words it joins
 * ("giảm văn bản giấy"), where it is what is asked about.
 */
function dropVanBan(s: string): string {
  return s.replace(/(^|(\S+) )van ban(?= (\S+)|$)/g, (m, pre: string, before?: string, after?: string) =>
    before && after && !/^(nao|gi|ve|noi|so|quy|ghi|\d+)$/.test(after) ? m : pre,
  );
}

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
  // "ct 17", "nq 18": a document type written short before its number ("kh", "qd" are expanded everywhere).
  const norm = normalizeText(text).replace(
    /\b(ct|nq)( so)? (\d+)\b/g,
    (_m, t: string, so: string | undefined, n: string) => `${t === 'ct' ? 'chi thi' : 'nghi quyet'}${so ?? ''} ${n}`,
  );
  const trimmedQ = text.replace(/\s+/g, ' ').toLowerCase();
  if (HELP.test(trimmedQ.replace(/^\//, '/')) || HELP.test(norm)) return { ...base, intent: 'help', norm };
  const words = norm.split(' ').filter(Boolean);
  if (!words.length || !words.some((w) => /[a-z]{2,}|\d/.test(w))) return { ...base, norm, problem: 'noise' };

  let rest = ` ${norm} `;
  const cut = (phrase: string) => {
    rest = rest.replace(` ${phrase} `, ' ');
  };

  const docs = ctx.index.findByNumber(text);
  // Only digits and signs ("1", "2,5", "100%") and no document number: a stray answer or a typo, not a question.
  if (!words.some((w) => /[a-z]{2,}/.test(w)) && !docs.length) return { ...base, norm, problem: 'noise' };
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
    const held = [...ctx.index.docs.values()].some((d) => d.type === name);
    // "có bao nhiêu chỉ thị", "những kế hoạch nào": a short list request names the type it lists.
    const listed = re.test(norm) && words.length <= 8 && /\b(bao nhieu|may|nhung|liet ke|danh sach|tat ca)\b/.test(norm);
    if (held && (m || (leading && (ym0 || words.length <= 6)) || (re.test(norm) && words.length <= 4) || listed)) {
      type = name;
      rest = rest.replace(new RegExp(` ${re.source} `), ' ');
    }
  }
  for (const d of docs) {
    const digits = d.numberKey?.match(/^\d+/)?.[0];
    if (!digits || !d.number) continue;
    // The number and the words of its suffix however they were typed: "3933 qd ubnd" reads "3933 quyet dinh uy ban nhan dan".
    const parts = fold(d.number)
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
    const own = new Set([...parts, ...normalizeText(parts.join(' ')).split(' '), 'so']);
    const ws = rest.trim().split(' ');
    const at = ws.indexOf(digits);
    if (at < 0) continue;
    let end = at + 1;
    while (end < ws.length && own.has(ws[end]!)) end++;
    // "tại TB 627/TB-VPCP", "theo QĐ số 3933": the type, "số" and the preposition before the number go with it.
    let start = at;
    while (start > 0 && own.has(ws[start - 1]!)) start--;
    if (start > 0 && ['tai', 'theo', 'trong', 'o'].includes(ws[start - 1]!)) start--;
    rest = ` ${[...ws.slice(0, start), ...ws.slice(end)].join(' ')} `;
  }

  let year: number | null = null;
  const ym = norm.match(/\b(?:nam )?((?:19|20)\d\d)\b/);
  if (ym) {
    year = Number(ym[1]);
    rest = rest.replace(new RegExp(` (nam )?${ym[1]} `), ' ');
  }

  const prov = findProvince(norm, ctx.provinces);
  if (prov) cut(prov.key);

  const agency = ctx.agencies.find(norm);
  // "so" is kept: "số trạm", "số hóa" are words; only "số 17" (a number follows) and a lone "sở" left behind go.
  // A last "so" is "số" when typed so, or when typed bare and a word the corpus has with the one before ("dân số").
  const lastSo = [...text.normalize('NFC').matchAll(/(?<!\p{L})s\p{L}(?!\p{L})/gu)]
    .map((m) => m[0].toLowerCase())
    .filter((w) => fold(w) === 'so')
    .at(-1);
  const keepLastSo = (prev: string) => lastSo === 'số' || (lastSo === 'so' && !!prev && ctx.index.isPhraseFn(prev, 'so'));
  const clean = (s: string) =>
    dropVanBan(s.replace(FILLER_RE, ' ').replace(/\s+/g, ' ').trim())
      .replace(/(?<= |^)so(?= \d)/g, ' ')
      .replace(/(?:^| )(\S*) so$|^so$/, (m, prev?: string) => (prev && keepLastSo(prev) ? m : ` ${prev ?? ''}`))
      .replace(/\s+/g, ' ')
      .trim();
  // Without the agency's name: what is asked about that agency ("Sở TT&TT phải làm gì về đào tạo" → "dao tao").
  const restNoAgency = agency
    ? ` ${rest
        .split(' ')
        .filter((w) => w && w !== 'va')
        .join(' ')} `.replace(` ${agency.phrase} `, ' ')
    : rest;

  // Nothing but a list request, a type, a province or a year: the documents themselves.
  const listOnly =
    !docs.length &&
    DOC_WORD.test(norm) &&
    LIST_WORD.test(norm) &&
    clean(
      ` ${rest} `
        .replace(/\b(van ban|vb|moi nhat|cu nhat|gan day|gan nhat|liet ke|danh sach|tat ca|ban hanh|hien co|bao nhieu)\b/g, ' ')
        // "có bao nhiêu chỉ thị": the type word asked for is the list's filter, not a topic
        .replace(/\b(chi thi|quyet dinh|ke hoach|nghi quyet|cong van)\b/g, ' ')
        .split(' ')
        .filter((w) => !LIST_FILLER.has(w))
        .join(' '),
    ) === '';
  let intent: Intent;
  if (docs.length && META.test(norm)) intent = 'document';
  else if (listOnly) intent = 'document';
  else if (DEADLINE.test(norm) && !/\bbao cao\b/.test(norm)) intent = 'deadline';
  else if (WHO.test(norm)) intent = 'owner';
  else if (agency && TASK_WORDS.test(norm)) intent = 'agency_tasks';
  else if (INDICATOR.test(norm)) intent = 'indicator';
  else if (OWNER_PHRASE.test(norm)) intent = 'owner';
  else if (docs.length || (type && (year || prov))) intent = 'document';
  else if (agency && clean(restNoAgency) === '') intent = 'agency_tasks';
  else intent = 'search';

  const topic = clean(
    intent === 'agency_tasks' || intent === 'deadline'
      ? intent === 'deadline'
        ? restNoAgency.replace(DEADLINE_WORDS, ' ')
        : restNoAgency
      : rest,
  );
  // A named document with a topic ("17/CT-UBND nói gì về đào tạo") is a search inside that document.
  const meta = intent === 'document' && META.test(norm);
  if (intent === 'document' && !meta && !listOnly && topic.split(' ').filter((w) => w.length > 1).length >= 2) intent = 'search';
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
    agency,
    ...(meta ? { meta } : {}),
    ...(listOnly && order ? { order } : {}),
  };
}
