// The message offering a long form as one page: a Telegram Web App button, or a signed link for this person
// elsewhere (console, Slack, Zalo). Nothing when the form is short or the web pages are not configured.
import type { Config } from '../config.ts';
import type { OutboundMessage } from '../core/types.ts';
import type { FormOffer, OfferInput } from '../conversation/ports.ts';
import { formLinkFor, telegramFormUrl } from './links.ts';
import { WEB_TEXT } from './web-text.ts';

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

/** The offer as the conversation takes it (BotDeps.formOffer); the settings are read at each offer. */
export const formOfferOf =
  (c: OfferConfig): FormOffer =>
  (input) =>
    formOffer(c, input);
