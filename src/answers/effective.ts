// "Quyết định 161/2025/QĐ-UBND có hiệu lực từ ngày nào?": the sentence of the document that says when it takes
// effect ("Quyết định này có hiệu lực thi hành từ ngày 10 tháng 12 năm 2025"), quoted with its article.
import type { DocInfo } from '../search/entries.ts';
import { citation, quote } from './format.ts';
import { hitsToItems } from './items.ts';
import { onOf, type Ctx } from './context.ts';
import type { AnswerItem } from './types.ts';

const TAKES_EFFECT = /\bco hieu luc\b/;
/** The sentence naming the day ("… có hiệu lực (thi hành) (kể) từ ngày 10 …", "… kể từ ngày ký"), before others. */
const NAMES_DAY = /\bco hieu luc(?: thi hanh)?(?: ke)? tu ngay (?:\d|ky\b)/;
const SENTENCE = /[^.;]*có hiệu lực[^.;]*/iu;

export interface EffectiveDate {
  /** The quoted sentence and its citation, as the reply prints it. */
  line: string;
  /** The sentence's own answer item (its text the sentence, its section cited), for `cli ask --json`. */
  item: AnswerItem;
}

/** Per document: the sentence on when it takes effect and its citation, for those whose text says so. */
export async function effectiveDates(ctx: Ctx, docs: DocInfo[]): Promise<Map<number, EffectiveDate>> {
  const out = new Map<number, EffectiveDate>();
  for (const d of docs) {
    const hits = ctx.index
      .search('có hiệu lực thi hành kể từ ngày', { docs: [d.id], kinds: ['section'] }, 10)
      .filter((h) => TAKES_EFFECT.test(h.entry.norm) && !/^(?:cac|nhung) .{0,80}\bhet hieu luc\b/.test(h.entry.norm));
    hits.sort((a, b) => Number(NAMES_DAY.test(b.entry.norm)) - Number(NAMES_DAY.test(a.entry.norm)));
    if (!hits.length) continue;
    const [item] = await hitsToItems(ctx.db, ctx.agencies, [hits[0]!], onOf(ctx));
    if (!item) continue;
    const sentence = SENTENCE.exec(item.text)?.[0]?.trim() ?? item.text;
    out.set(d.id, { line: `${quote(sentence)} ${citation(item.document, item.section, item.page)}`, item: { ...item, text: sentence } });
  }
  return out;
}
