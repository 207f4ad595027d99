// The numbered choices shown on Zalo, kept in the database beside the sessions (key "choices:<channel>:<chat>"), so a
// "1" that reaches another instance than the one that showed the list still picks from it.
import type { ChoiceMemory } from '../core/interfaces.ts';
import type { ChannelName, Choice } from '../core/types.ts';
import { putSessionRow, type Db } from '../db/client.ts';
import { deleteSessionRows, findSessionData } from './repo/session-rows.ts';

const keyOf = (channel: ChannelName, chat: string) => `choices:${channel}:${chat}`;

export function databaseChoices(db: Db, channel: ChannelName): ChoiceMemory {
  return {
    async remember(chat, choices) {
      const key = keyOf(channel, chat);
      if (!choices) return void (await deleteSessionRows(db, key));
      const data = JSON.stringify(choices);
      await putSessionRow(db, key, data);
    },
    async recall(chat) {
      const row = await findSessionData(db, keyOf(channel, chat));
      if (!row) return null;
      try {
        const list = JSON.parse(row.data) as unknown;
        return Array.isArray(list) ? (list as Choice[]) : null;
      } catch {
        return null; // a damaged row reads as no list: the number is then taken as typed
      }
    },
  };
}
