// Uploads in Slack (issue 16), end to end: a file dropped into the DM with the bot → signed events (the message
// with the file and file_shared, as Slack sends both) → real SlackAdapter (url_private downloaded with the bot
// token) → the real bot, through the same upload path as Telegram (upload-cases.ts), plus what is Slack's own:
// the two events of one file answered once, file_shared alone (files.info), and a bot without files:read.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { until } from './helpers.ts';
import { blocksOf, startSlack, textOf, type Call, type SlackRig } from './slack-harness.ts';
import { DOCX, uploadCases, uploadRig, type UploadChat } from './upload-cases.ts';

const context = (c: Call) =>
  blocksOf(c)
    .filter((b) => b.type === 'context')
    .flatMap((b) => b.elements ?? [])
    .map((e) => (typeof e.text === 'string' ? e.text : e.text.text));

let slack: SlackRig;
const rig = uploadRig(async (bot) => {
  slack = await startSlack(bot.runtime.bot.handle);
  const chat: UploadChat = {
    channel: 'slack',
    downloads: slack.downloads,
    mark: () => slack.posts().length,
    since: (user, from, want, ms = 8000) =>
      until(
        () => {
          const texts = slack
            .posts()
            .slice(from)
            .filter((c) => c.args.channel === `D${user}`)
            .map((c) => [textOf(c), ...context(c)].join('\n'));
          return texts.some((t) => t.includes(want)) && texts;
        },
        ms,
        `a post containing "${want}"`,
      ),
    async say(user, text) {
      expect((await slack.event({ type: 'message', channel_type: 'im', channel: `D${user}`, user, text, ts: '1.1' })).status).toBe(200);
    },
    async sendFile(user, name, bytes, size) {
      expect(await slack.shareFile(user, { name, bytes, size }, 'both')).toEqual([200, 200]);
    },
    async undo(user, from) {
      const post = slack
        .posts()
        .slice(from)
        .find((c) => textOf(c).includes('Đã nhập tệp'))!;
      const button = blocksOf(post)
        .flatMap((b) => b.elements ?? [])
        .find((e) => typeof e.text === 'object' && e.text.text === 'Hủy nhập')!;
      expect((await slack.button(user, `D${user}`, button.action_id!, button.value!, 'Hủy nhập')).status).toBe(200);
    },
    close: () => slack.close(),
  };
  return chat;
});

describe('uploads in Slack', { timeout: 180_000 }, () => {
  uploadCases(rig, { official: 'UOFF', admin: 'UADM1', admin2: 'UADM2', other: 'UOTHER' });

  it("a file's two events get one answer; file_shared alone is enough (the file looked up by files.info)", async () => {
    const { chat, register } = rig();
    await register('UOFF2');
    let from = chat.mark();
    await chat.sendFile('UOFF2', 'ke-hoach.docx', DOCX);
    await chat.since('UOFF2', from, 'Chỉ quản trị viên');
    await new Promise((r) => setTimeout(r, 300));
    expect((await chat.since('UOFF2', from, 'Chỉ quản trị viên')).filter((t) => t.includes('Chỉ quản trị viên'))).toHaveLength(1);
    from = chat.mark();
    expect(await slack.shareFile('UOFF2', { name: 'ke-hoach-2.docx', bytes: DOCX }, 'file_shared')).toEqual([200]);
    await chat.since('UOFF2', from, 'Chỉ quản trị viên');
    expect(slack.calls.some((c) => c.method === 'files.info')).toBe(true);
  });

  it('without the files:read scope Slack answers its sign-in page: the admin is told so, nothing is stored', async () => {
    const { chat, register, docCount, originals } = rig();
    await register('UADM3', 'admin');
    const kept = readdirSync(originals);
    slack.mode.noFilesRead = true;
    try {
      const from = chat.mark();
      await chat.sendFile('UADM3', 'ke-hoach.docx', DOCX);
      expect((await chat.since('UADM3', from, 'Không tải được tệp')).join('\n')).toContain('files:read');
      expect(slack.downloads.auth.at(-1)).toBe('Bearer xoxb-e2e');
    } finally {
      slack.mode.noFilesRead = false;
    }
    expect(await docCount()).toBe(0);
    expect(readdirSync(originals)).toEqual(kept);
  });
});
