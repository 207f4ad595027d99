// "/lang en", "ngôn ngữ english", "language vi": a person chooses the language the bot speaks to them, stored on
// their account (so every channel they linked speaks it). Said in the language chosen, with how to switch back
// and, in English, what is not translated yet.
import type { App } from '../app.ts';
import { catalog, LOCALE_NAME, localeNamed, LOCALES, type Locale } from '../core/i18n.ts';
import { fold } from '../core/text.ts';
import type { OutboundMessage } from '../core/types.ts';
import { setLocale, type BotUser } from '../users/users.ts';

const COMMAND = /^(?:\/lang(?:uage)?|language|(?:doi |chon )?ngon ngu)(?:\s+(.*))?$/;

/** The language named after the command (null: none named, or one we do not speak), or undefined when not this command. */
export function languageRequest(text: string): { named: string | null; locale: Locale | null } | undefined {
  const t = text
    .trim()
    .replace(/[.!?]+$/g, '')
    .replace(/\s+/g, ' ');
  const m = COMMAND.exec(fold(t));
  if (!m) return undefined;
  // fold keeps the words' count, so the language is cut from the text as typed ("tiếng Pháp", not "tieng phap")
  const named = m[1] ? t.split(' ').slice(-m[1].trim().split(' ').length).join(' ') : null;
  return { named, locale: named ? localeNamed(named) : null };
}

const M = catalog({
  vi: {
    chosen: 'Từ giờ tôi trả lời bằng tiếng Việt. Để dùng tiếng Anh, gõ "/lang en" (hoặc "ngôn ngữ english").',
    current: (name: string) => `Ngôn ngữ hiện tại: ${name}. Gõ "/lang en" để dùng tiếng Anh, "/lang vi" để dùng tiếng Việt.`,
    unknown: (named: string) => `Tôi chưa nói được "${named}". Các ngôn ngữ có: tiếng Việt ("/lang vi"), tiếng Anh ("/lang en").`,
    guest: 'Ngôn ngữ được lưu theo tài khoản: hãy đăng ký trước ("/start <mã mời>"), rồi gõ "/lang en" để dùng tiếng Anh.',
  },
  en: {
    chosen:
      'From now on I reply in English: the help, the reporting form (in chat and on its web page), reminders, report status, the dashboard, the consolidated report summary and answers are in English; the quoted texts, document and agency names stay as written, and the report files (DOCX, XLSX) are in Vietnamese. Commands keep their Vietnamese words (the form also understands English ones). Type "/lang vi" (or "ngôn ngữ tiếng việt") to switch back.',
    current: (name: string) => `Current language: ${name}. Type "/lang en" for English, "/lang vi" for Vietnamese.`,
    unknown: (named: string) => `I do not speak "${named}" yet. Available: Vietnamese ("/lang vi"), English ("/lang en").`,
    guest: 'The language is kept with your account: register first ("/start <invite code>"), then type "/lang en".',
  },
});

export async function languageReply(
  app: Pick<App, 'db'>,
  user: BotUser | null,
  req: { named: string | null; locale: Locale | null },
): Promise<OutboundMessage[]> {
  const here = user?.locale ?? 'vi';
  if (!user) return [{ text: `${M('vi').guest}\n${M('en').guest}` }];
  if (!req.named) return [{ text: M(here).current(LOCALE_NAME[here]) }];
  if (!req.locale || !LOCALES.includes(req.locale)) return [{ text: M(here).unknown(req.named) }];
  await setLocale(app.db, user.id, req.locale);
  user.locale = req.locale;
  return [{ text: M(req.locale).chosen }];
}
