// The message offering a long form as one page: a Telegram Web App button, or a signed link for this person
// elsewhere (console, Slack, Zalo). Nothing when the form is short or the web pages are not configured.
import type { Config } from '../config.ts';
import type { ChannelName, OutboundMessage } from '../core/types.ts';
import { CHOICE_IN_CHAT } from '../conversation/phrases.ts';
import type { FormContext } from '../conversation/types.ts';
import type { BotUser } from '../users/users.ts';
import { formLinkFor, telegramFormUrl } from './links.ts';

export interface OfferInput {
  user: BotUser;
  channel: ChannelName;
  ctx: FormContext;
  now: Date;
}

type OfferConfig = Pick<Config, 'WEB_BASE_URL' | 'WEB_SECRET' | 'FORM_LINK_HOURS' | 'FORM_CHAT_MAX_ITEMS'>;

export function formOffer(c: OfferConfig, { user, channel, ctx, now }: OfferInput): OutboundMessage | null {
  if (ctx.lock || ctx.items.length <= c.FORM_CHAT_MAX_ITEMS) return null;
  const who = { userId: user.id, periodId: ctx.period.id, agencyId: ctx.agency.id };
  const head = `Biểu mẫu có ${ctx.items.length} câu: bạn có thể điền tất cả trên một trang`;
  const tail = 'hoặc trả lời từng câu ngay tại đây.';
  if (channel === 'telegram') {
    const url = telegramFormUrl(c, who.periodId, who.agencyId);
    return url ? { text: `${head} (nút “Mở biểu mẫu”), ${tail}`, webApp: { label: 'Mở biểu mẫu', url } } : null;
  }
  const link = formLinkFor(c, who, now);
  return link ? { text: `${head}, ${tail}\nMở biểu mẫu (dùng trong ${c.FORM_LINK_HOURS} giờ, chỉ dành cho bạn): ${link}` } : null;
}

/**
 * A long form opened ("báo cáo") is one message: what it is and the page, with a button to answer in chat instead;
 * the first question follows only when asked for. Elsewhere (a resumed form) the offer goes in after the first message.
 */
/** How a long form's page is offered with the engine's reply: merged into the opening message, inserted, or not. */
export type PageOffer = 'merge' | 'insert' | 'none';

export function withOffer(out: OutboundMessage[], offer: OutboundMessage, opening: boolean): OutboundMessage[] {
  if (!opening || !out[0]) return [...out.slice(0, 1), offer, ...out.slice(1)];
  const inChat = { id: CHOICE_IN_CHAT, label: 'Trả lời từng câu tại đây' };
  return [{ ...offer, text: `${out[0].text}\n${offer.text}`, choices: [inChat] }];
}
