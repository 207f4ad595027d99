// What to answer to small talk (pure): a reply, re-asking the pending form question with a word first, or resuming
// the form; and which reading a person picked after a "not sure" answer.
import type { OutboundMessage } from '../core/types.ts';
import type { FreeWords } from './free-words.ts';
import type { BotUser } from './ports.ts';
import * as R from './replies.ts';

export type SmallTalk = { kind: 'reply'; message: OutboundMessage } | { kind: 'resume'; head: string } | { kind: 'continue' };

/** Null when the message is not small talk, or is the open form's own business ("hủy" mid-form). */
export function smallTalkReply(free: FreeWords | null, user: BotUser | null, formOpen: boolean): SmallTalk | null {
  if (!free || free.kind === 'command' || free.kind === 'remindOne') return null;
  if (formOpen) {
    if (free.kind === 'cancel' || free.kind === 'fragment') return null;
    const kind = free.kind === 'greeting' || free.kind === 'thanks' ? free.kind : 'other';
    return { kind: 'resume', head: R.resumeHead(kind, user?.locale) };
  }
  const reply = (message: OutboundMessage): SmallTalk => ({ kind: 'reply', message });
  const locale = user?.locale;
  switch (free.kind) {
    case 'greeting':
      return reply(R.greeting(user));
    case 'thanks':
      return reply(R.thanks(locale));
    case 'bye':
      return reply(R.bye(locale));
    case 'aboutBot':
      return reply(R.aboutBot(locale));
    case 'fragment':
      return reply(R.fragment(free.word, locale));
    case 'cancel':
      return reply(R.nothingToCancel(locale));
    case 'continue':
      return { kind: 'continue' };
  }
}

/** The reading picked after a "not sure" reply: its button ("reading:2") or its number typed ("2"). */
export function pickReading(readings: string[], text: string, choice?: string): string | null {
  const n = choice?.startsWith('reading:') ? Number(choice.slice(8)) : /^\s*([1-3])\s*\.?\s*$/.exec(text)?.[1];
  return n ? (readings[Number(n) - 1] ?? null) : null;
}
