// Plain-text rendering of neutral outbound messages, shared by the adapters (no business logic here).
import type { Choice, Citation, OutboundMessage } from '../../core/types.ts';
import { CITATION_PREFIX } from './split.ts';

export function citationLine(c: Citation): string {
  const doc = c.province ? `${c.document} (${c.province})` : c.document;
  return `${CITATION_PREFIX}${doc}, ${c.section}`;
}

/** Text plus its citation line, as sent on platforms without a separate citation block. */
export function textWithCitation(msg: OutboundMessage): string {
  return msg.citation ? `${msg.text.trimEnd()}\n${citationLine(msg.citation)}` : msg.text;
}

/** Said when a platform cannot carry a file. */
export function fileNote(name: string, locale?: OutboundMessage['locale']): string {
  if (locale === 'en') return `(The file "${name}" cannot be sent on this channel; please get it on another channel or from your contact.)`;
  return `(Tệp "${name}" không gửi được qua kênh này; vui lòng lấy tệp qua kênh khác hoặc liên hệ đầu mối.)`;
}

/** Numbered list for platforms without buttons; the user answers with the number. */
export function numberedChoices(choices: Choice[], locale?: OutboundMessage['locale']): string {
  const lines = choices.map((c, i) => `${i + 1}. ${c.label}`);
  return `${lines.join('\n')}\n${locale === 'en' ? '(Answer with the number.)' : '(Trả lời bằng số thứ tự.)'}`;
}

/** Maps a typed number back to the choice it names, e.g. "2" → the second choice. */
export function pickNumbered(text: string, choices: Choice[] | undefined): Choice | undefined {
  const m = /^\s*(\d{1,2})\s*\.?\s*$/.exec(text);
  if (!m || !choices) return undefined;
  return choices[Number(m[1]) - 1];
}
