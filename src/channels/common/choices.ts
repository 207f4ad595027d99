// The numbered choices of one process (one instance, and the tests); several instances share the database's
// (src/conversation/choice-memory.ts).
import type { ChoiceMemory } from '../../core/interfaces.ts';
import type { Choice } from '../../core/types.ts';

export function processChoices(): ChoiceMemory {
  const lists = new Map<string, Choice[]>();
  return {
    remember: async (chat, choices) => void (choices ? lists.set(chat, choices) : lists.delete(chat)),
    recall: async (chat) => lists.get(chat) ?? null,
  };
}
