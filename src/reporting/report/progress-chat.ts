// Questions about figures already reported: "tỷ lệ hộ gia đình có máy tính quý 3 là bao nhiêu", "chữ ký số đạt bao
// nhiêu % rồi", "kỳ trước tôi báo cáo bao nhiêu". An official sees their own agency's items; a coordinator or admin
// the items of the regimes of their province. The answer names the period, the agency, the value and the target.
import type { App } from '../../app.ts';
import { fold } from '../../core/text.ts';
import type { OutboundMessage } from '../../core/types.ts';
import { findStartedPeriodsOf } from '../repo/periods.ts';
import { findProgressItems } from '../repo/regime-items.ts';
import { findItemAnswersInPeriod } from '../repo/submissions.ts';
import type { ExtraCommand } from '../../core/interfaces.ts';
import type { BotUser } from '../../core/types.ts';
import { AgencyMatcher } from '../../search/agency-match.ts';
import { normalizeText, STOPWORDS } from '../../search/normalize.ts';
import { answerText } from '../answer-text.ts';
import { fmtDate } from './format.ts';
import { periodLabelIn } from '../../core/i18n.ts';
import { PROGRESS_TEXT } from './progress-text.ts';

/** Words that ask about what was reported, not about what a document sets. */
const REPORTED =
  /\b(?:quy [1-4]|quy (?:nay|truoc)|ky (?:nay|truoc)|da bao cao|bao cao .*(?:bao nhieu|the nao)|dat bao nhieu .*roi|duoc bao nhieu roi|toi dau roi|den dau roi|tien do nhiem vu)\b/;
/** A figure asked as it stands now ("tỷ lệ … hiện nay", "vốn đã cấp năm nay", "chỉ tiêu nào chưa đạt"): what was reported. */
const REPORTED_NOW =
  /\b(?:ty le|bao nhieu|von|so lieu|chi tieu|tien do)\b.*\b(?:hien nay|hien tai|nam nay|da cap|da bo tri|chua dat|da dat)\b/;
/** "chưa đạt mục tiêu": about the reported figures against the targets, though it names the targets. */
const AGAINST_TARGET = /\b(?:chua dat|da dat|khong dat)\s+(?:muc tieu|chi tieu)\b/;
/** What a document sets (targets) or when tasks are due: questions for the knowledge base, not for the reports. */
const TARGET_WORDS =
  /\b(?:muc tieu|chi tieu (?:dat|la)|ke hoach dat|phan dau|den han|qua han|het han|tre han|han chot|phai xong|phai hoan thanh|thoi han|nhiem vu nao)\b/;
const QUESTION_WORDS = new Set(
  'bao nhieu roi quy ky nay truoc hien tai nay da dat duoc toi dau den la gi the nao cua so bao cao bc tien do nhiem vu ty le thang nam'.split(
    ' ',
  ),
);

/** Items listed in one reply. */
const SHOWN = 6;
const say = (text: string): OutboundMessage[] => [{ text }];
const words = (s: string) =>
  normalizeText(s)
    .split(' ')
    .filter((w) => w.length >= 2 && !STOPWORDS.has(w));

/**
 * `agencies`: the agency names already loaded (the answerer's); without it the list is read from the database for
 * each question that names an agency.
 */
export function progressChat(app: App, agencies?: () => AgencyMatcher | undefined): ExtraCommand {
  return {
    name: 'reports.progress',
    // Not the commands that start with the same words ("báo cáo quý 4" opens the form, "mở lại …", "tình hình …").
    match: (text, user) =>
      !!user &&
      (REPORTED.test(fold(text)) || REPORTED_NOW.test(fold(text))) &&
      (!TARGET_WORDS.test(fold(text)) || AGAINST_TARGET.test(fold(text))) &&
      !/^(?:\/|bao cao|mo lai|tinh hinh|nhac|lich|chi tiet)\b/.test(fold(text).trim()),
    run: async ({ user, text, now }) => answerProgress(app, user!, text, now, agencies),
  };
}

/** Words that may begin an agency's name ("Sở", "UBND", "Ban"): only then is the agency list loaded. */
const AGENCY_HEAD = /\b(?:so|ban|ubnd|uy ban|cong an|bo chi huy|kho bac|chi cuc|cuc|thanh tra|van phong|bao|dai|truong|hoi)\b/;

/** The agency the question names, with the registry keys that stand for it today (its own and its successor's). */
async function namedAgency(
  app: App,
  text: string,
  now: Date,
  agencies?: () => AgencyMatcher | undefined,
): Promise<{ name: string; keys: Set<string>; phrase: string } | null> {
  const norm = normalizeText(text);
  if (!AGENCY_HEAD.test(norm)) return null;
  const found = (agencies?.() ?? (await AgencyMatcher.load(app.db, app.registry))).find(norm);
  if (!found) return null;
  const today = app.registry.successorOn(found.baseKey, { on: now });
  return {
    name: today ? (app.registry.get(today.key)?.name ?? found.name) : found.name,
    keys: new Set([found.baseKey, today?.key ?? found.baseKey]),
    phrase: found.phrase,
  };
}

async function answerProgress(
  app: App,
  user: BotUser,
  text: string,
  now: Date,
  agencies?: () => AgencyMatcher | undefined,
): Promise<OutboundMessage[]> {
  const own = user.role === 'official';
  const t = PROGRESS_TEXT(user.locale);
  const named = await namedAgency(app, text, now, agencies);
  if (own && named && !(user.agency && named.keys.has(user.agency.baseKey))) {
    // "tiến độ nhiệm vụ của Sở Tài chính" from an official of another agency: not a figure of theirs to show.
    return say(t.otherAgency(user.agency?.name ?? null, named.name));
  }
  const all = await findProgressItems(
    app.db,
    own ? { agencyId: user.agency?.id ?? -1 } : { regime: user.province && user.role !== 'admin' ? { province: user.province } : {} },
  );
  if (!all.length) return say(t.nothingToSee);
  // A coordinator naming an agency ("tiến độ của Sở Tài chính") asks about that agency's items only.
  const items = !own && named ? all.filter((it) => named.keys.has(it.agency.baseKey)) : all;
  if (!items.length) return say(t.noItemsOf(named!.name));
  const phrase = new Set(named ? named.phrase.split(' ') : []);
  const asked = words(text).filter((w) => !QUESTION_WORDS.has(w) && !phrase.has(w));
  const scored = items
    .map((it) => {
      const label = new Set(words(it.label));
      const hit = asked.filter((w) => label.has(w)).length;
      return { it, score: asked.length ? hit / asked.length : own || named ? 1 : 0 };
    })
    .sort((a, b) => b.score - a.score);
  const best = scored[0]!;
  // "kỳ trước tôi báo cáo bao nhiêu": nothing named, an official's own items all answer; so do those of an agency named.
  const candidates = best.score >= 0.5 ? scored.filter((x) => x.score >= best.score * 0.8) : (own || named) && !asked.length ? scored : [];
  const chosen = candidates.slice(0, SHOWN);
  if (!chosen.length) {
    const list = items
      .slice(0, 5)
      .map((i) => `• ${i.label}`)
      .join('\n');
    const scope = own && user.agency ? t.ownScope(user.agency.name) : '';
    return say(t.noMatch(text.trim().slice(0, 80), scope, list));
  }
  const regimeIds = [...new Set(chosen.map((x) => x.it.regimeId))];
  const periods = await findStartedPeriodsOf(app.db, regimeIds, now);
  const period = pickPeriod(fold(text), periods);
  if (!period) return say(t.noPeriod);
  const answers = await findItemAnswersInPeriod(
    app.db,
    chosen.map((x) => x.it.id),
    period.id,
  );
  const lines = chosen.map(({ it }) => {
    const a = answers.find((x) => x.itemId === it.id);
    const target = it.targetText ? t.target(it.targetText, it.targetYear) : '';
    if (!a || (a.skipped && !a.status)) return `• ${it.label} — ${it.agency.name}: ${t.noFigure}${target}.`;
    const value = answerText(it, a, t.unclear, user.locale);
    const sentOn = a.submission.submittedAt ? fmtDate(a.submission.submittedAt) : null;
    const state = a.submission.status === 'submitted' ? t.sent(sentOn) : t.draft;
    return `• ${it.label} — ${it.agency.name}: ${value}${target}; ${state}.`;
  });
  const more = candidates.length > chosen.length ? t.more(candidates.length - chosen.length, named?.name ?? null) : '';
  return say(`${t.head(periodLabelIn(user.locale, period.key))}\n${lines.join('\n')}${more}`);
}

/** "quý 3" → that quarter of this year; "kỳ trước" → the one before the latest; otherwise the latest begun. */
function pickPeriod<P extends { key: string }>(f: string, periods: P[]): P | null {
  const q = /\bquy ([1-4])\b/.exec(f);
  if (q) {
    // "quý 3" without a year: the latest quarter III that has begun (in January 2027, that of 2026).
    const year = /\b(20\d\d)\b/.exec(f)?.[1];
    return periods.find((p) => (year ? p.key === `${year}-Q${q[1]}` : p.key.endsWith(`-Q${q[1]}`))) ?? null;
  }
  if (/\bky truoc|quy truoc\b/.test(f)) return periods[1] ?? null;
  return periods[0] ?? null;
}
