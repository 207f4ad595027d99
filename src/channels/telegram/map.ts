// Telegram update → neutral inbound message. Pure functions, no network.
import type { Message } from 'telegraf/types';
import type { InboundMessage } from '../../core/types.ts';

/** Commands registered with setMyCommands (descriptions are what users see in the menu): the default, Vietnamese. */
export const COMMANDS = [
  { command: 'start', description: 'Bắt đầu / liên kết tài khoản bằng mã mời' },
  { command: 'baocao', description: 'Báo cáo số liệu, tiến độ' },
  { command: 'timkiem', description: 'Tìm trong các văn bản chỉ đạo' },
  { command: 'trogiup', description: 'Hướng dẫn sử dụng' },
];

/** The same commands described in English, shown to people whose Telegram app is set to English (language_code "en"). */
export const COMMANDS_EN = [
  { command: 'start', description: 'Start / link your account with an invite code' },
  { command: 'baocao', description: 'Report figures and progress' },
  { command: 'timkiem', description: 'Search the directives' },
  { command: 'trogiup', description: 'How to use the bot (type /lang en for English)' },
];

/** Maps a command to the text the conversation engine understands. */
export function commandText(command: string, args: string): string {
  switch (command.toLowerCase()) {
    case 'start':
      return args ? `/start ${args}` : '/start';
    case 'baocao':
      return args ? `báo cáo ${args}` : 'báo cáo';
    case 'timkiem':
      return args || 'tìm kiếm';
    case 'trogiup':
    case 'help':
      return 'trợ giúp';
    default:
      return args ? `/${command} ${args}` : `/${command}`;
  }
}

export interface BotIdentity {
  id: number;
  username: string;
}

function displayName(from: Message['from']): string | undefined {
  if (!from) return undefined;
  return [from.first_name, from.last_name].filter(Boolean).join(' ') || from.username;
}

/**
 * A text message → inbound, or null when it is not for us (in groups: not a command to us,
 * not mentioning us and not a reply to us).
 */
export function toInbound(msg: Message.TextMessage, me: BotIdentity): InboundMessage | null {
  const isGroup = msg.chat.type !== 'private';
  const entities = msg.entities ?? [];
  let text = msg.text;
  let addressed = !isGroup;

  const cmd = entities.find((e) => e.type === 'bot_command' && e.offset === 0);
  if (cmd) {
    const raw = text.slice(1, cmd.length);
    const [name = '', target] = raw.split('@');
    if (target && target.toLowerCase() !== me.username.toLowerCase()) return null; // another bot's command
    text = commandText(name, text.slice(cmd.length).trim());
    addressed = true;
  } else {
    const mention = `@${me.username}`.toLowerCase();
    const mentioned = entities.some(
      (e) =>
        (e.type === 'mention' && msg.text.slice(e.offset, e.offset + e.length).toLowerCase() === mention) ||
        (e.type === 'text_mention' && e.user.id === me.id),
    );
    if (mentioned) {
      text = text
        .replace(new RegExp(`@${me.username}\\b`, 'gi'), ' ')
        .replace(/\s+/g, ' ')
        .trim();
      addressed = true;
    }
    if (msg.reply_to_message?.from?.id === me.id) addressed = true;
  }
  if (!addressed) return null;
  return {
    channel: 'telegram',
    userId: String(msg.from?.id ?? msg.chat.id),
    chatId: String(msg.chat.id),
    text,
    displayName: displayName(msg.from),
    ...(msg.from?.language_code ? { language: msg.from.language_code } : {}),
    isGroup,
  };
}
