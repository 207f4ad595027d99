// A task passage written by a test, as the index holds it (for indexes built from hand-made corpora).
import type { Entry } from '../../src/search/entries.ts';
import { normalizeText } from '../../src/search/normalize.ts';

export function taskEntry(id: number, doc: number, text: string, path = `${id + 1}`): Entry {
  return { id, kind: 'task', ref: id + 1, doc, path, text, norm: normalizeText(text), agencies: [], year: null };
}
