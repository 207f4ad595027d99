// Slack App Home tab. The adapter holds no business data: when a user opens the Home tab it asks the
// conversation engine with the reserved command HOME_COMMAND (as an ordinary inbound message) and renders
// the reply — the same neutral OutboundMessage[] every channel gets — as a Home view (views.publish).
import type { types } from '@slack/bolt';
import type { OutboundMessage } from '../../core/types.ts';
import { toPosts } from './blocks.ts';

type KnownBlock = types.KnownBlock;

/** What the adapter sends the engine when the Home tab opens; the engine answers it read-only. */
export const HOME_COMMAND = '/home';

/** Slack's cap on blocks in a Home view. */
export const HOME_MAX_BLOCKS = 100;

export const HOME_TITLE = 'Trợ lý văn bản chỉ đạo';

/** The engine's reply → a Home view: a header, then each message (text, citation, buttons) separated by dividers. */
export function homeView(out: OutboundMessage[]): types.HomeView {
  const blocks: KnownBlock[] = [{ type: 'header', text: { type: 'plain_text', text: HOME_TITLE } }];
  const messages = out.length ? out : [{ text: 'Chưa có thông tin để hiển thị. Hãy nhắn tin cho tôi trong tab Tin nhắn.' }];
  for (const [i, msg] of messages.entries()) {
    if (i > 0) blocks.push({ type: 'divider' });
    // Files and form inputs belong to a conversation, not to the Home tab: only text, citations and buttons.
    for (const post of toPosts({ text: msg.text, citation: msg.citation, choices: msg.choices })) blocks.push(...post.blocks);
  }
  if (blocks.length > HOME_MAX_BLOCKS) {
    blocks.length = HOME_MAX_BLOCKS - 1;
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: 'Còn nữa: nhắn "tình hình báo cáo" để xem đầy đủ.' }] });
  }
  return { type: 'home', blocks };
}
