// t.me deep links for invite codes: https://t.me/<bot>?start=<code> opens the chat with the bot, and its Start
// button sends "/start <code>", which registers (the code alphabet is within Telegram's start-parameter one).
import type { Config } from '../../config.ts';

/** A Telegram bot username as in t.me/<username> (an @ in front is dropped). */
export const isBotUsername = (s: string): boolean => /^@?[A-Za-z][A-Za-z0-9_]{4,31}$/.test(s.trim());

export function deepLink(bot: string, code: string): string {
  return `https://t.me/${bot.trim().replace(/^@/, '')}?start=${encodeURIComponent(code)}`;
}

type Settings = Pick<Config, 'TELEGRAM_BOT_USERNAME' | 'TELEGRAM_BOT_TOKEN' | 'TELEGRAM_API_ROOT'>;

/**
 * The bot username for deep links: TELEGRAM_BOT_USERNAME, else getMe with TELEGRAM_BOT_TOKEN; null (with why, in
 * Vietnamese) when neither works. No Telegram configured at all is no problem: invites then just have no link.
 */
export async function botUsername(c: Settings, timeoutMs = 5000): Promise<{ username: string | null; note: string | null }> {
  const set = c.TELEGRAM_BOT_USERNAME?.trim();
  if (set) {
    if (isBotUsername(set)) return { username: set.replace(/^@/, ''), note: null };
    return {
      username: null,
      note: `TELEGRAM_BOT_USERNAME "${set.slice(0, 40)}" không phải tên bot Telegram hợp lệ; không in liên kết t.me.`,
    };
  }
  if (!c.TELEGRAM_BOT_TOKEN) return { username: null, note: null };
  const root = (c.TELEGRAM_API_ROOT ?? 'https://api.telegram.org').replace(/\/$/, '');
  try {
    const res = await fetch(`${root}/bot${c.TELEGRAM_BOT_TOKEN}/getMe`, { signal: AbortSignal.timeout(timeoutMs) });
    const body = (await res.json()) as { ok?: boolean; result?: { username?: string }; description?: string };
    const name = body.result?.username;
    if (body.ok && name && isBotUsername(name)) return { username: name, note: null };
    throw new Error(body.description ?? `HTTP ${res.status}`);
  } catch (err) {
    // the message never carries the URL (it holds the token)
    const why = err instanceof Error ? err.message.replaceAll(c.TELEGRAM_BOT_TOKEN, '***') : 'lỗi không rõ';
    return {
      username: null,
      note: `Không hỏi được tên bot Telegram (getMe: ${why}); đặt TELEGRAM_BOT_USERNAME để in liên kết t.me.`,
    };
  }
}
