// Neutral outbound messages → Telegram calls, through the rate-limited queue. Plain text (no parse mode),
// so nothing needs escaping; choices become an inline keyboard on the last part.
import { Input, TelegramError, type Telegram } from 'telegraf';
import type { InlineKeyboardButton } from 'telegraf/types';
import type { DeliveryResult } from '../../core/interfaces.ts';
import type { Choice, OutboundMessage } from '../../core/types.ts';
import { fileNote, textWithCitation } from '../common/format.ts';
import { RateLimitedError, retryAfterMs, type SendQueue } from '../common/queue.ts';
import { splitMessage } from '../common/split.ts';

export const TELEGRAM_LIMIT = 4096;
export const CAPTION_LIMIT = 1024;

/** callback_data is at most 64 bytes: longer choice ids travel as a short token remembered here. */
export class CallbackIds {
  private readonly byToken = new Map<string, string>();
  private n = 0;
  encode(id: string): string {
    if (Buffer.byteLength(id) <= 64 && !id.startsWith('~')) return id;
    const token = `~${(this.n++).toString(36)}`;
    this.byToken.set(token, id);
    if (this.byToken.size > 5000) this.byToken.delete(this.byToken.keys().next().value as string);
    return token;
  }
  decode(data: string): string {
    return this.byToken.get(data) ?? data;
  }
}

export function keyboard(choices: Choice[], ids: CallbackIds): InlineKeyboardButton[][] {
  const short = choices.every((c) => c.label.length <= 18);
  const buttons = choices.map((c) => ({ text: c.label, callback_data: ids.encode(c.id) }));
  const rows: InlineKeyboardButton[][] = [];
  for (let i = 0; i < buttons.length; i += short ? 2 : 1) rows.push(buttons.slice(i, i + (short ? 2 : 1)));
  return rows;
}

/** Turns Telegram's 429 into the queue's retryable error; everything else is left as is (never retried). */
async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof TelegramError && err.code === 429)
      throw new RateLimitedError(retryAfterMs(err.parameters?.retry_after), err.description);
    throw err;
  }
}

export async function deliver(
  tg: Telegram,
  queue: SendQueue,
  ids: CallbackIds,
  chatId: string,
  messages: OutboundMessage[],
): Promise<void> {
  for (const msg of messages) {
    let text = textWithCitation(msg);
    if (msg.file) {
      const file = msg.file;
      // The message's text rides along as the caption when it fits; otherwise it follows as text.
      const caption = !msg.choices?.length && text.length <= CAPTION_LIMIT ? text : undefined;
      try {
        await queue.run(chatId, () =>
          call(() => tg.sendDocument(chatId, Input.fromBuffer(file.data, file.name), caption ? { caption } : {})),
        );
        if (caption !== undefined) continue;
      } catch (err) {
        if (err instanceof RateLimitedError) throw err;
        // No document (not supported by this Bot API server, too large…): the text still goes out, naming the file.
        text = text ? `${text}\n${fileNote(file.name, msg.locale)}` : fileNote(file.name, msg.locale);
      }
    }
    const parts = splitMessage(text, TELEGRAM_LIMIT);
    const choices = msg.choices ?? [];
    if (parts.length === 0 && choices.length > 0) parts.push(msg.locale === 'en' ? 'Choose one:' : 'Chọn một mục:');
    for (const [i, part] of parts.entries()) {
      const last = i === parts.length - 1;
      const rows: InlineKeyboardButton[][] = last && choices.length > 0 ? keyboard(choices, ids) : [];
      if (last && msg.webApp) rows.unshift([{ text: msg.webApp.label, web_app: { url: msg.webApp.url } }]);
      const extra = rows.length ? { reply_markup: { inline_keyboard: rows } } : {};
      await queue.run(chatId, () => call(() => tg.sendMessage(chatId, part, extra)));
    }
  }
}

export function toDeliveryResult(err: unknown): DeliveryResult {
  if (err instanceof RateLimitedError) return { ok: false, reason: 'unavailable', retryAfterMs: err.retryAfterMs, error: err.message };
  if (err instanceof TelegramError) {
    if (err.code === 403) return { ok: false, reason: 'blocked', error: err.description };
    return { ok: false, reason: err.code === 400 ? 'unavailable' : 'error', error: err.description };
  }
  return { ok: false, reason: 'error', error: err instanceof Error ? err.message : String(err) };
}
