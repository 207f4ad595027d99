// Uploads in Zalo OA chat (issue 16), end to end: a signed user_send_file webhook → the real ZaloOaAdapter (the
// attachment downloaded from its CDN url after the webhook was answered) → the real bot, through the same upload
// path as Telegram and Slack (upload-cases.ts); "hủy nhập" is typed (Zalo OA shows no buttons).
import { describe, expect } from 'vitest';
import { zaloOaSignature } from '../../src/channels/common/signature.ts';
import { post, until } from './helpers.ts';
import { uploadCases, uploadRig, type UploadChat } from './upload-cases.ts';
import { startZaloOa } from './zalo-oa-harness.ts';

const APP_ID = '778';
const SECRET = 'oa-upload-secret';

const rig = uploadRig(async (bot) => {
  const oa = await startZaloOa(bot.runtime.bot.handle, {
    appId: APP_ID,
    secret: SECRET,
    queue: { chatIntervalMs: () => 5, globalPerSecond: 1000 },
  });
  const webhook = async (user: string, eventName: string, message: Record<string, unknown>) => {
    const ts = String(Date.now());
    const body = JSON.stringify({
      app_id: APP_ID,
      event_name: eventName,
      timestamp: ts,
      sender: { id: user },
      recipient: { id: 'oa1' },
      message: { msg_id: `oa${Math.random()}`, ...message },
    });
    const headers = { 'x-zevent-signature': zaloOaSignature(APP_ID, body, ts, SECRET) };
    expect(await post(`http://127.0.0.1:${oa.oa.webhookPort}/zalo/oa`, body, headers)).toBe(200);
  };
  const chat: UploadChat = {
    channel: 'zalo-oa',
    downloads: oa.fake.downloads,
    mark: () => oa.fake.sent.length,
    since: (user, from, want, ms = 8000) =>
      until(
        () => {
          const texts = oa.fake.sent
            .slice(from)
            .filter((s) => s.user_id === user)
            .map((s) => s.text);
          return texts.some((t) => t.includes(want)) && texts;
        },
        ms,
        `a reply containing "${want}"`,
      ),
    say: (user, text) => webhook(user, 'user_send_text', { text }),
    sendFile: (user, name, bytes, size) => webhook(user, 'user_send_file', { attachments: [oa.fake.hostFile(name, bytes, size)] }),
    undo: (user) => webhook(user, 'user_send_text', { text: 'hủy nhập' }),
    close: () => oa.close(),
  };
  return chat;
});

describe('uploads in Zalo OA chat', { timeout: 180_000 }, () => {
  uploadCases(rig, { official: 'oa-off', admin: 'oa-adm1', admin2: 'oa-adm2', other: 'oa-other' });
});
