// The message offering a long form as one page: a Telegram Web App button, or a signed link for this person
// elsewhere (console, Slack, Zalo). Nothing when the form is short or the web pages are not configured.
import type { Config } from '../config.ts';
import type { ChannelName, OutboundMessage } from '../core/types.ts';
import { CHOICE_IN_CHAT } from '../conversation/phrases.ts';
import type { FormContext } from '../conversation/types.ts';
import type { BotUser } from '../users/users.ts';
import type { Locale } from '../core/i18n.ts';
import { formLinkFor, telegramFormUrl } from './links.ts';
import { WEB_TEXT } from './web-text.ts';

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
  const t = WEB_TEXT(user.locale);
  const head = t.offerHead(ctx.items.length);
  if (channel === 'telegram') {
    const url = telegramFormUrl(c, who.periodId, who.agencyId);
    return url ? { text: t.offerTelegram(head, t.offerTail), webApp: { label: t.offerButton, url } } : null;
  }
  const link = formLinkFor(c, who, now);
  return link ? { text: t.offerLink(head, t.offerTail, c.FORM_LINK_HOURS, link) } : null;
}

/**
 * A long form opened ("báo cáo") is one message: what it is and the page, with a button to answer in chat instead;
 * the first question follows only when asked for. Elsewhere (a resumed form) the offer goes in after the first message.
 */
/** How a long form's page is offered with the engine's reply: merged into the opening message, inserted, or not. */
export type PageOffer = 'merge' | 'insert' | 'none';

export function withOffer(out: OutboundMessage[], offer: OutboundMessage, opening: boolean, locale?: Locale): OutboundMessage[] {
  if (!opening || !out[0]) return [...out.slice(0, 1), offer, ...out.slice(1)];
  const inChat = { id: CHOICE_IN_CHAT, label: WEB_TEXT(locale).inChat };
  return [{ ...offer, text: `${out[0].text}\n${offer.text}`, choices: [inChat] }];
}
