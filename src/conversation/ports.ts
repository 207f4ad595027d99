// What the conversation engine needs from other modules, as interfaces it codes against.
import type { Locale } from '../core/i18n.ts';
import type { CodeThrottle } from '../users/throttle.ts';
import type { ExtraCommand } from '../core/interfaces.ts';
import type { ChannelName, OutboundMessage } from '../core/types.ts';
import type { BotUser } from '../users/users.ts';
import type { FormContext } from './types.ts';

export type { BotUser } from '../users/users.ts';
export type { Audience, CommandHelp, ExtraCommand } from '../core/interfaces.ts';

export type { Intent } from '../core/types.ts';

/** Question answering over the knowledge base (provided by src/answers). */
export interface Answerer {
  answer(
    question: string,
    opts?: { page?: number; province?: string | null; filters?: string; locale?: Locale },
  ): Promise<{ intent: string; reply: string; hasMore: boolean; page: number; readings?: string[] }>;
  /** Says a filter in words, or throws an AppError with the reason (optional: answerers without filters). */
  checkFilter?(filter: string): string;
  classify(text: string): string;
  /** Reloads the index after documents changed (a document imported or removed in chat). */
  refreshIfChanged?(): Promise<boolean>;
}

/** The form a long form's web page would be offered for (src/conversation/page-offer.ts merges the offer in). */
export interface OfferInput {
  user: BotUser;
  channel: ChannelName;
  ctx: FormContext;
  now: Date;
}

/** Offers a long form as one web page (provided by src/web/offer.ts): null when the form is short or the pages are off. */
export type FormOffer = (input: OfferInput) => OutboundMessage | null;

export interface BotDeps {
  /** The web page offered for a long form (none without it). */
  formOffer?: FormOffer;
  answerer?: Answerer;
  commands?: ExtraCommand[];
  /** A value this many times above/below last period's asks for confirmation (default: app.config.REPORT_OUTLIER_FACTOR). */
  outlierFactor?: number;
  /** Wrong invite codes before a sender (or everyone) waits (default: 5 per sender, 100 in all, per 15 minutes). */
  codeThrottle?: CodeThrottle;
}
