// Neutral outbound messages → Block Kit. Text is escaped for mrkdwn; the citation goes in a context block;
// choices become buttons; a number `input` step becomes a button that opens a modal with number_input.
import type { types } from '@slack/bolt';
import type { OutboundMessage } from '../../core/types.ts';
import { escapeSlack } from '../common/escape.ts';
import { citationLine } from '../common/format.ts';
import { isCitationLine, splitMessage } from '../common/split.ts';

type KnownBlock = types.KnownBlock;
type View = types.View;

export const SECTION_LIMIT = 3000;
export const FORM_CALLBACK = 'report_form';
export const OPEN_FORM_ACTION = 'open_form';
export const CHOICE_ACTION = /^choice:\d+$/;

export type FormInput = NonNullable<OutboundMessage['input']>;

export interface SlackPost {
  text: string; // notification / fallback text
  blocks: KnownBlock[];
}

/** One post per outbound message, more when the text needs over 45 sections. */
export function toPosts(msg: OutboundMessage): SlackPost[] {
  // Citation lines inside the text (one under each cited passage) become context blocks in place.
  const sections: KnownBlock[] = [];
  let para: string[] = [];
  const flush = () => {
    const t = para.join('\n');
    para = [];
    for (const part of splitMessage(escapeSlack(t), SECTION_LIMIT))
      sections.push({ type: 'section', text: { type: 'mrkdwn', text: part } });
  };
  for (const line of msg.text.split('\n')) {
    if (!isCitationLine(line)) {
      para.push(line);
      continue;
    }
    flush();
    sections.push({ type: 'context', elements: [{ type: 'mrkdwn', text: escapeSlack(line.trim()) }] });
  }
  flush();
  const tail: KnownBlock[] = [];
  if (msg.citation) tail.push({ type: 'context', elements: [{ type: 'mrkdwn', text: escapeSlack(citationLine(msg.citation)) }] });
  if (msg.choices?.length) {
    tail.push({
      type: 'actions',
      elements: msg.choices.slice(0, 25).map((c, i) => ({
        type: 'button',
        action_id: `choice:${i}`,
        text: { type: 'plain_text', text: c.label.slice(0, 75) },
        value: c.id,
      })),
    });
  }
  if (msg.input && (msg.input.kind === 'number' || msg.input.kind === 'text')) {
    tail.push({
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: OPEN_FORM_ACTION,
          style: 'primary',
          text: { type: 'plain_text', text: WORDS[lang(msg)][msg.input.kind === 'text' ? 'typeText' : 'typeFigure'] },
          value: JSON.stringify(msg.locale === 'en' ? { ...msg.input, locale: 'en' } : msg.input),
        },
      ],
    });
  }
  const posts: SlackPost[] = [];
  for (let i = 0; i < Math.max(sections.length, 1); i += 45)
    posts.push({ text: msg.text.slice(0, 300), blocks: sections.slice(i, i + 45) });
  posts.at(-1)!.blocks.push(...tail);
  return posts.filter((p) => p.blocks.length > 0);
}

export interface FormMeta {
  chatId: string;
  input: FormInput;
  locale?: 'en';
}

/** The words Slack's own widgets show (the message text comes from the conversation, already in its language). */
const WORDS = {
  vi: { typeText: 'Nhập nội dung', typeFigure: 'Nhập số liệu', title: 'Báo cáo số liệu', submit: 'Gửi', close: 'Hủy' },
  en: { typeText: 'Type the text', typeFigure: 'Type the figure', title: 'Report a figure', submit: 'Send', close: 'Cancel' },
};
const lang = (m: { locale?: 'en' }): 'vi' | 'en' => (m.locale === 'en' ? 'en' : 'vi');

/** A modal asking for one figure (Slack checks format and bounds client-side, we re-check) or one free text. */
export function formView(meta: FormMeta): View {
  const { input } = meta;
  return {
    type: 'modal',
    callback_id: FORM_CALLBACK,
    private_metadata: JSON.stringify(meta),
    title: { type: 'plain_text', text: WORDS[lang(meta)].title },
    submit: { type: 'plain_text', text: WORDS[lang(meta)].submit },
    close: { type: 'plain_text', text: WORDS[lang(meta)].close },
    blocks: [
      {
        type: 'input',
        block_id: input.itemId,
        label: { type: 'plain_text', text: input.label.slice(0, 2000) },
        element:
          input.kind === 'text'
            ? { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: 2000 }
            : {
                type: 'number_input',
                action_id: 'value',
                is_decimal_allowed: input.decimal ?? true,
                ...(input.min !== undefined ? { min_value: String(input.min) } : {}),
                ...(input.max !== undefined ? { max_value: String(input.max) } : {}),
              },
      },
    ],
  };
}
