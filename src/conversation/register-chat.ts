// "/start <mã>": redeeming an invite or link code, with the wrong-code throttle (src/users/throttle.ts). A
// registered account is never throttled: whatever code it sends, it learns nothing (src/users/invites.ts).
import type { App } from '../app.ts';
import type { InboundMessage, OutboundMessage } from '../core/types.ts';
import { redeemInvite } from '../users/invites.ts';
import type { CodeThrottle } from '../users/throttle.ts';
import type { BotUser } from '../users/users.ts';
import * as R from './replies.ts';

export async function registerReply(
  app: App,
  codes: CodeThrottle,
  msg: InboundMessage,
  user: BotUser | null,
  code: string,
  now: Date,
): Promise<OutboundMessage[]> {
  if (!code) return [user ? R.alreadyRegistered(user) : R.welcome()];
  const sender = `${msg.channel}:${msg.userId}`;
  const wait = user ? ({ ok: true } as const) : codes.check(sender, now);
  if (!wait.ok) return [R.codesThrottled(wait.until, wait.scope)];
  const r = await redeemInvite(app.db, {
    code,
    channel: msg.channel,
    externalId: msg.userId,
    chatId: msg.chatId,
    displayName: msg.displayName,
    now,
  });
  if (r.ok) {
    codes.succeed(sender);
    // An app set to English is a hint, not a choice (many officials' phones are in English): the switch is offered.
    const offer = r.user.locale === 'vi' && /^en\b/i.test(msg.language ?? '') ? [R.offerEnglish()] : [];
    return [R.registered(r.user, r.linked), ...offer];
  }
  const started = user ? null : codes.fail(sender, now);
  if (started === 'sender') app.log.warn({ sender, scope: started }, 'invite codes: repeated wrong codes from one sender, throttled');
  if (started === 'global') app.log.warn({ scope: started }, 'invite codes: many wrong codes, all redemption throttled');
  return [{ text: r.message }];
}
