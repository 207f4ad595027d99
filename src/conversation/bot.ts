// The one conversation runner every channel calls: identifies the person, routes onboarding, extra commands,
// status, the reporting form (pure engine + one transaction per message) and free questions to the answerer
// (the routes: src/conversation/routes.ts; what they do for the person: src/conversation/bot-core.ts).
import type { App } from '../app.ts';
import type { MessageHandler } from '../core/interfaces.ts';
import type { ChannelName, OutboundMessage } from '../core/types.ts';
import { userById } from '../users/users.ts';
import { BotCore } from './bot-core.ts';
import type { BotDeps } from './ports.ts';
import { route } from './routes.ts';
import { loadSession, userSessionKey } from './sessions.ts';
import { createTurns } from './turns.ts';

export interface Bot {
  handle: MessageHandler;
  /** Re-enters the engine for a reminder: starts (or re-asks) the form of a period for a user. */
  remind(userId: number, periodId: number, channel: ChannelName): Promise<OutboundMessage[]>;
}

export function createBot(app: App, deps: BotDeps = {}): Bot {
  const core = new BotCore(app, deps);
  const turns = createTurns(app, (msg, person) => route(core, msg, person));

  /** In the person's queue, like their messages: a reminder never runs against a session a message is changing. */
  const remind = (userId: number, periodId: number, channel: ChannelName): Promise<OutboundMessage[]> =>
    turns.inQueue(userSessionKey(userId), async () => {
      const user = await userById(app.db, userId);
      if (!user?.agency) return [];
      const key = userSessionKey(user.id);
      const session = await loadSession(app.db, key);
      const agencyId = session.form?.periodId === periodId ? session.form.agencyId : user.agency.id;
      return core.engine({ user, channel, key, session, input: { kind: 'reminder', periodId }, periodId, agencyId, now: app.clock.now() });
    });

  return { handle: turns.handle, remind };
}
