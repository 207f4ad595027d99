// Plain-text rendering of outbound messages for the console: choices as numbered options.
import type { Choice, OutboundMessage } from '../../core/types.ts';
import { fold } from '../../core/text.ts';
import { catalog } from '../../core/i18n.ts';

/** The console's own words, in the message's language. */
const WORDS = catalog({
  vi: { source: 'Nguồn', file: (name: string, bytes: number) => `[Tệp đính kèm: ${name}, ${bytes} byte]` },
  en: { source: 'Source', file: (name: string, bytes: number) => `[Attachment: ${name}, ${bytes} bytes]` },
});

export function renderMessage(m: OutboundMessage): string {
  const W = WORDS(m.locale);
  const lines = [m.text.trimEnd()];
  if (m.citation)
    lines.push(`${W.source}: ${m.citation.document}${m.citation.province ? ` (${m.citation.province})` : ''}, ${m.citation.section}`);
  if (m.choices?.length) m.choices.forEach((c, i) => lines.push(`  ${i + 1}. ${c.label}`));
  if (m.file) lines.push(W.file(m.file.name, m.file.data.length));
  return lines.join('\n');
}

/** An answer by number ("2") or by label ("Hoàn thành") to the last numbered options, if it names one. */
export function pickChoice(text: string, choices: Choice[] | undefined): Choice | undefined {
  if (!choices?.length) return undefined;
  const t = text.trim();
  const n = /^(\d{1,2})\.?$/.exec(t);
  if (n) return choices[Number(n[1]) - 1];
  const f = fold(t);
  return choices.find((c) => fold(c.label) === f);
}
