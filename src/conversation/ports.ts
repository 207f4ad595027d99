// What the conversation engine needs from other modules, as interfaces it codes against.
import type { ChannelName, OutboundMessage } from '../core/types.ts';
import type { Locale } from '../core/i18n.ts';
import type { BotUser } from '../users/users.ts';
import type { CodeThrottle } from '../users/throttle.ts';
import type { CommandHelp } from './help.ts';

export type { BotUser } from '../users/users.ts';
export type { Audience, CommandHelp } from './help.ts';

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

/** Extension point for other modules (scheduler, consolidated reports), wired by the lead. */
export interface ExtraCommand {
  name: string;
  /** Its line in "trợ giúp", shown to the people its role check lets through (src/conversation/help.ts). */
  help?: CommandHelp;
  match(text: string, user: BotUser | null): boolean;
  run(ctx: { user: BotUser | null; text: string; now: Date; channel: ChannelName }): Promise<OutboundMessage[]>;
}

export interface BotDeps {
  answerer?: Answerer;
  commands?: ExtraCommand[];
  /** A value this many times above/below last period's asks for confirmation (default: app.config.REPORT_OUTLIER_FACTOR). */
  outlierFactor?: number;
  /** Wrong invite codes before a sender (or everyone) waits (default: 5 per sender, 100 in all, per 15 minutes). */
  codeThrottle?: CodeThrottle;
}
