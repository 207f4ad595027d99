// How the offer of a long form's web page goes in with the engine's reply. The offer itself (a link or a Telegram
// Web App button) is made by src/web/offer.ts and reaches the engine through BotDeps.formOffer (src/runtime.ts).
import { catalog, type Locale } from '../core/i18n.ts';
import type { OutboundMessage } from '../core/types.ts';
import { CHOICE_IN_CHAT } from './phrases.ts';

const OFFER_TEXT = catalog({
  vi: { inChat: 'Trả lời từng câu tại đây' },
  en: { inChat: 'Answer one by one here' },
});

/** How a long form's page is offered with the engine's reply: merged into the opening message, inserted, or not. */
export type PageOffer = 'merge' | 'insert' | 'none';

/**
 * A long form opened ("báo cáo") is one message: what it is and the page, with a button to answer in chat instead;
 * the first question follows only when asked for. Elsewhere (a resumed form) the offer goes in after the first message.
 */
export function withOffer(out: OutboundMessage[], offer: OutboundMessage, opening: boolean, locale?: Locale): OutboundMessage[] {
  if (!opening || !out[0]) return [...out.slice(0, 1), offer, ...out.slice(1)];
  const inChat = { id: CHOICE_IN_CHAT, label: OFFER_TEXT(locale).inChat };
  return [{ ...offer, text: `${out[0].text}\n${offer.text}`, choices: [inChat] }];
}
