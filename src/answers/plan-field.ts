// "Thời gian thực hiện kế hoạch truyền thông giảm nghèo đa chiều Cần Thơ?", "nguồn kinh phí thực hiện lộ trình đổi
// mới công nghệ Đồng Tháp": one field of a plan named by its title. The plan says it under a heading of that name
// ("3. Thời gian thực hiện: Từ nay đến hết năm 2025", "IV. KINH PHÍ VÀ NGUỒN LỰC THỰC HIỆN"), a passage holding none of
// the title's words, which the plan's closing sentence or any passage repeating the title outranks.
import { fold } from '../core/text.ts';
import type { Hit } from '../search/index.ts';
import type { ParsedQuestion } from '../search/query.ts';
import { queryTerms } from '../search/rank.ts';
import { normalizeText } from '../search/normalize.ts';
import { filtersOf, type Ctx } from './context.ts';

/** Share of the question's words its plan's title must hold for the question to be about the plan as a whole. */
const TITLE_SHARE = 0.8;
const NOT_TOPIC = /^(?:ke|hoach|chuong|trinh|de|an|chu|tri|so|nao|ai|don|vi|co|quan|thuc|hien|trien|khai)$/;

/** The question's words (beside those of `asked`) are the plan's title: two or more, nearly all of them in it. */
export function isAboutTitle(topic: string, title: string, asked: RegExp | null = null): boolean {
  const terms = queryTerms(topic).filter((t) => !NOT_TOPIC.test(t) && !asked?.test(t));
  const padded = ` ${fold(title)} `;
  return terms.length >= 2 && terms.filter((t) => padded.includes(` ${t} `)).length >= terms.length * TITLE_SHARE;
}

interface Field {
  asked: RegExp; // in the question (folded)
  words: RegExp; // the question's words that name the field, not the plan
  heading: RegExp; // how the plan's passage starts
}
const FIELDS: readonly Field[] = [
  {
    asked: /\b(?:thoi gian|thoi han) (?:thuc hien|trien khai)\b/,
    words: /^(?:thoi|gian|han|khi|nao|bao|gio|lau)$/,
    heading: /^(?:thoi gian|thoi han) (?:thuc hien|trien khai)\b/,
  },
  { asked: /\bkinh phi\b/, words: /^(?:nguon|kinh|phi|lay|tu|dau|bao|nhieu)$/, heading: /^(?:nguon )?kinh phi\b/ },
];

/** The passage giving the asked field of the plan the question names by its title. */
export function planField(ctx: Ctx, q: ParsedQuestion): Hit | null {
  const field = FIELDS.find((f) => f.asked.test(q.norm));
  if (!field || !q.topic) return null;
  // the plan named by its number ("thời gian thực hiện kế hoạch 552"), or by its title
  const named = q.within?.length ? q.within : null;
  const best = named ? null : ctx.index.search(q.topic, filtersOf(q), 1)[0];
  if (!named && (!best || !isAboutTitle(q.topic, best.doc.title, field.words))) return null;
  const headed = ctx.index
    .search('', { docs: named ?? [best!.doc.id], kinds: ['section'] }, 100_000)
    .filter((h) => field.heading.test(h.entry.norm))
    .sort((a, b) => a.entry.id - b.entry.id)[0];
  if (!headed) return null;
  // as sure as the share of the question's words it holds with its plan's title (the field in its heading, the rest
  // in the title; "kế hoạch" is the plan itself)
  const type = new Set(normalizeText(headed.doc.type).split(' '));
  const terms = queryTerms(q.topic).filter((t) => !type.has(t));
  const held = ` ${headed.entry.norm} ${normalizeText(headed.doc.title)} `;
  const own = terms.length ? terms.filter((t) => held.includes(` ${t} `)).length / terms.length : 0;
  return { ...headed, score: best?.score ?? headed.score, confidence: Math.max(own, best?.confidence ?? 0) };
}
