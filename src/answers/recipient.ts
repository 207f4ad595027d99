// "Hồ sơ gửi về đâu?", "vướng mắc thì phản ánh về đâu?": the agency a passage names after "gửi / nộp / phản ánh …
// về", with the deadline the same sentence gives, cited. Not a task's lead: the plan's lead is often someone else.
import type { ParsedQuestion } from '../search/query.ts';
import { foldKeep } from '../ingest/parse/vn.ts';
import { shapeAt } from '../ingest/parse/agency-shape.ts';
import { deadlineOf } from '../ingest/parse/deadlines.ts';
import { normalizeText, slug } from '../search/normalize.ts';
import { citation, quote } from './format.ts';
import { dedupeHits, hitsToItems, successorOf } from './items.ts';
import { filtersOf, onOf, type Built, type Ctx } from './context.ts';
import { withToday } from './today.ts';
import type { AnswerItem, AnswerSuccessor } from './types.ts';

/**
 * Passages that say where to send (folded: "gửi", "nộp", "phản ánh", "báo cáo") and hold at least this share of the
 * question's words are looked through for a recipient, best first: the one that names where often holds fewer of the
 * topic's words in a row than the document's scope ("Nghị định này quy định hồ sơ, trình tự đề nghị …") and ranks
 * far below it.
 */
const MIN_CONFIDENCE = 0.6;
const LOOKED_AT = 8;
const SENDS = /\b(gui|nop|phan anh|bao cao)\b/;
/** A verb of sending, then up to six words ("gửi báo cáo kết quả về", "phản ánh về", "nộp hồ sơ cho") before a name. */
const SEND = /(?<!\p{L})(?<!kính\s)(?:gửi|nộp|phản ánh)(?!\p{L})/giu;
/** "Kính gửi: Bộ Nội vụ" of a form: whom it is addressed to, when no passage says where to send. */
const ADDRESSED = /(?<!\p{L})kính gửi(?!\p{L})/giu;
/** "… tổng hợp, báo cáo UBND tỉnh (qua Sở …)": where a report goes, when no passage says "gửi". */
const REPORT = /(?<!\p{L})báo cáo(?!\p{L})/giu;
/** Through whom, after the name: "(qua Phòng Xây dựng chính quyền)", "(Phòng Thi đua - Khen thưởng)". */
const VIA = /^\s*\(((?:qua\s+)?(?:Phòng|Ban|Bộ phận|Văn phòng|Trung tâm|Chi cục)\s[^()]{1,80}|qua\s[^()]{1,80})\)/u;
/** A unit named with the body it belongs to after a comma. */
const UNIT = /^(?:Trung tâm|Phòng|Chi cục|Văn phòng|Vụ|Cục|Ban)\s/u;
const WORD_AHEAD = /^[ \t:]+([^\s.;:!?()]+)/u; // on the same line; "Kính gửi: Sở …"
const MAX_WORDS_AHEAD = 6;

interface Recipient {
  name: string; // as written, with "(qua Phòng …)" when the text says through whom
  at: number; // where the sentence naming it starts in the passage
}

/** The first agency a passage (`folded`: foldKeep of it) says things are sent (`verbs`) to, recognised by its name's shape. */
function recipientIn(text: string, folded: string, verbs: RegExp): Recipient | null {
  for (const m of text.matchAll(verbs)) {
    let pos = m.index + m[0].length;
    for (let i = 0; i < MAX_WORDS_AHEAD; i++) {
      const w = WORD_AHEAD.exec(text.slice(pos, pos + 60));
      if (!w) break;
      const start = pos + w[0].length - w[1]!.length;
      const shape = shapeAt(text, folded, start);
      if (shape) {
        // a unit and the body it belongs to: "Trung tâm Chuyển đổi số, Sở Khoa học và Công nghệ"
        const parent = UNIT.test(text.slice(start, start + 12)) ? /^,\s*/.exec(text.slice(shape.end)) : null;
        const whole = parent ? shapeAt(text, folded, shape.end + parent[0].length) : null;
        const end = whole?.end ?? shape.end;
        const via = VIA.exec(text.slice(end));
        const name = text.slice(start, end).replace(/\s+/g, ' ').trim();
        const sentence = Math.max(text.lastIndexOf('.', m.index), text.lastIndexOf(';', m.index)) + 1;
        return { name: via ? `${name} (${via[1]!.replace(/\s+/g, ' ')})` : name, at: sentence };
      }
      pos = start + w[1]!.length;
    }
  }
  return null;
}

/** The recipient as the registry names it, with who carries it today (a merged department's successor). */
function asAgency(ctx: Ctx, written: string, province: string | null, subject: string): { name: string; successors: AnswerSuccessor[] } {
  const bare = written.replace(/\s*\([^()]*\)$/, '');
  // the registry's agency only when it is the whole name written ("Sở Nội vụ", not "Ban Thi đua" of "Sở Nội vụ …")
  const key = normalizeText(bare)
    .split(' ')
    .filter((w) => w !== 'va')
    .join(' ');
  const found = ctx.agencies.find(key);
  if (!found || !key.startsWith(found.phrase)) return { name: bare, successors: [] };
  const on = onOf(ctx);
  const row = ctx.agencies.rowsFor(found.baseKey, province ? slug(province) : null).rows[0];
  const now = on && row ? successorOf(ctx.agencies, row.id, on, subject, found.name) : null;
  const successors = now ? [now] : [];
  return { name: found.name, successors };
}

function recipientReply(ctx: Ctx, it: AnswerItem, found: Recipient, confidence: number): Built {
  const { name, successors } = asAgency(ctx, found.name, it.document.province, it.text);
  const written = deadlineOf(it.text.slice(found.at), it.document.date);
  const deadline = written ? written.charAt(0).toLocaleLowerCase('vi') + written.slice(1) : null;
  const via = /\([^()]*\)$/.exec(found.name)?.[0];
  const item: AnswerItem = { ...it, agency: name, leads: [name], role: 'recipient', coordinators: [], successors, deadline };
  const head = ctx.t.sendTo(`${withToday(name, successors, ctx.t)}${via ? ` ${via}` : ''}`, deadline);
  return {
    answers: [item],
    reply: `${head}\n${quote(it.text.slice(found.at).trim())}\n${citation(it.document, it.section, it.page, ctx.t)}`,
    hasMore: false,
    confidence,
  };
}

/** The answer to a "where to send" question, or null when no passage close to the best names where. */
export async function recipientAnswer(ctx: Ctx, q: ParsedQuestion): Promise<Built | null> {
  if (!q.topic) return null;
  const hits = dedupeHits(ctx.index.search(q.topic, filtersOf(q), 60));
  if (!hits.length) return null;
  const close = hits.filter((h) => h.confidence >= MIN_CONFIDENCE && SENDS.test(h.entry.norm)).slice(0, LOOKED_AT);
  const items = await hitsToItems(ctx.db, ctx.agencies, close, onOf(ctx));
  const folded = items.map((it) => foldKeep(it.text));
  for (const verbs of [SEND, ADDRESSED, REPORT])
    for (const [i, it] of items.entries()) {
      const found = recipientIn(it.text, folded[i]!, verbs);
      if (found) return recipientReply(ctx, it, found, close[i]!.confidence);
    }
  return null;
}
