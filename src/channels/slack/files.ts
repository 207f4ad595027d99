// Files shared with the bot in a Slack DM, as the conversation sees them (InboundFile): the bytes come from the
// file's url_private with the bot token (scope files:read), only when the conversation asks for them.
import type { InboundFile, OutboundMessage } from '../../core/types.ts';
import { AppError, ErrorCode } from '../../core/errors.ts';
import { downloadLimited } from '../common/download.ts';

/** The part of Slack's file object used here (message.files[], files.info's file). */
export interface SlackFileObject {
  id: string;
  name?: string | null;
  title?: string | null;
  mimetype?: string;
  size?: number;
  url_private?: string;
  url_private_download?: string;
}

/** The event id both of a file's events (message subtype file_share, file_shared) get: one import per file. */
export const fileEventId = (fileId: string): string => `slack:file:${fileId}`;

const isHtmlName = (name: string): boolean => /\.x?html?$/i.test(name);

export function inboundFile(f: SlackFileObject, botToken: string, notify: (m: OutboundMessage) => void): InboundFile {
  const name = f.name || f.title || `${f.id}`;
  return {
    name,
    mime: f.mimetype ?? null,
    size: typeof f.size === 'number' ? f.size : null,
    fetch: async (maxBytes) => {
      const url = f.url_private_download ?? f.url_private;
      if (!url) throw new AppError(ErrorCode.ChannelUnavailable, 'Slack không cho đường tải tệp này (tệp ngoài hoặc đã bị xóa)');
      const bytes = await downloadLimited(url, maxBytes, { Authorization: `Bearer ${botToken}` });
      // Without files:read, Slack answers its sign-in page with 200 instead of the file.
      if (!isHtmlName(name) && /^\s*<(!doctype html|html)/i.test(bytes.subarray(0, 64).toString('latin1')))
        throw new AppError(ErrorCode.ChannelUnavailable, 'Slack trả về trang đăng nhập thay cho tệp (ứng dụng thiếu quyền files:read)');
      return bytes;
    },
    notify,
  };
}
