// A local fake of the Slack Web API (including the current file upload flow: files.getUploadURLExternal →
// POST the bytes to the upload URL → files.completeUploadExternal) and the real SlackAdapter in HTTP mode.
import { SlackAdapter } from '../../src/channels/slack/adapter.ts';
import { slackSignature } from '../../src/channels/common/signature.ts';
import type { MessageHandler } from '../../src/core/interfaces.ts';
import { silentLogger } from '../../src/log.ts';
import { sendJson, serve } from './helpers.ts';

export const SLACK_SECRET = 'e2e-slack-signing-secret';

export interface Call {
  method: string;
  args: Record<string, unknown>;
}
export interface Upload {
  id: string;
  filename: string;
  length: number;
  received: number;
  completedIn?: string;
  comment?: string;
}

export type Block = {
  type: string;
  text?: { text: string };
  elements?: { text: string | { text: string }; value?: string; action_id?: string }[];
};

/** A file a user shared with the bot, as Slack holds it (url_private needs the bot token). */
export interface SharedFile {
  id: string;
  name: string;
  bytes: Buffer;
  /** What the file object says of its size (null: absent). */
  size: number | null;
}

export async function startSlack(handler: MessageHandler) {
  const calls: Call[] = [];
  const uploads = new Map<string, Upload>();
  const shared = new Map<string, SharedFile>();
  /** Downloads of shared files (`hold`: they wait for it, a slow platform); `auth`: the Authorization each sent. */
  const downloads: { count: number; hold?: Promise<void>; auth: string[] } = { count: 0, auth: [] };
  let n = 0;
  // refuseUploads: a workspace where the bot lacks files:write; noFilesRead: one where it lacks files:read
  const mode = { refuseUploads: false, noFilesRead: false };
  /** users.info's locale per Slack user id (none when absent). */
  const locales = new Map<string, string>();
  const fileObject = (f: SharedFile) => ({
    id: f.id,
    name: f.name,
    title: f.name,
    mimetype: 'application/octet-stream',
    ...(f.size === null ? {} : { size: f.size }),
    url_private: `${fake.url}/files-pri/T1-${f.id}/${encodeURIComponent(f.name)}`,
    url_private_download: `${fake.url}/files-pri/T1-${f.id}/download/${encodeURIComponent(f.name)}`,
  });
  const fake = await serve(async (req, body, res) => {
    const url = req.url ?? '';
    const dl = /^\/files-pri\/T1-(F\w+)\//.exec(url);
    if (dl) {
      downloads.count++;
      downloads.auth.push(String(req.headers.authorization ?? ''));
      if (downloads.hold) await downloads.hold;
      const f = shared.get(dl[1]!);
      // Without the bot token Slack answers its sign-in page, not the file.
      if (req.headers.authorization !== 'Bearer xoxb-e2e' || !f || mode.noFilesRead)
        return res.writeHead(200, { 'content-type': 'text/html', connection: 'close' }).end('<html>Sign in to Slack</html>');
      return res.writeHead(200, { 'content-type': 'application/octet-stream', connection: 'close' }).end(f.bytes);
    }
    const up = /^\/upload\/(F\w+)$/.exec(url);
    if (up) {
      const u = uploads.get(up[1]!);
      if (!u) return res.writeHead(404).end();
      // Slack accepts the raw bytes or a multipart form with one file part.
      const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(String(req.headers['content-type'] ?? ''));
      if (boundary) {
        const b = boundary[1] ?? boundary[2]!;
        const start = body.indexOf('\r\n\r\n', body.indexOf(`--${b}`)) + 4;
        u.received = body.indexOf(`\r\n--${b}`, start) - start;
      } else u.received = body.length;
      return res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${body.length}`);
    }
    const method = url.replace(/^\/api\//, '').split('?')[0]!;
    const raw = body.toString('utf8');
    const args: Record<string, unknown> = (req.headers['content-type'] ?? '').includes('json')
      ? JSON.parse(raw || '{}')
      : Object.fromEntries(new URLSearchParams(raw));
    for (const k of ['blocks', 'view', 'files']) if (typeof args[k] === 'string') args[k] = JSON.parse(args[k] as string);
    calls.push({ method, args });
    const ok = (extra: Record<string, unknown> = {}) => sendJson(res, 200, { ok: true, ...extra });
    switch (method) {
      case 'auth.test':
        return ok({ user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', user: 'chithi' });
      case 'chat.postMessage':
        return ok({ channel: args.channel, ts: `${Date.now() / 1000}` });
      case 'views.open':
        return ok({ view: { id: 'V1' } });
      case 'users.info': {
        const locale = locales.get(String(args.user));
        return ok({ user: { id: args.user, ...(locale ? { locale } : {}) } });
      }
      case 'files.info': {
        const f = shared.get(String(args.file));
        return f ? ok({ file: fileObject(f) }) : sendJson(res, 200, { ok: false, error: 'file_not_found' });
      }
      case 'files.getUploadURLExternal': {
        if (mode.refuseUploads) return sendJson(res, 200, { ok: false, error: 'missing_scope', needed: 'files:write' });
        const id = `F${++n}`;
        uploads.set(id, { id, filename: String(args.filename), length: Number(args.length), received: -1 });
        return ok({ upload_url: `${fake.url}/upload/${id}`, file_id: id });
      }
      case 'files.completeUploadExternal': {
        const files = args.files as { id: string; title?: string }[];
        for (const f of files) {
          const u = uploads.get(f.id);
          if (!u || u.received !== u.length) return sendJson(res, 200, { ok: false, error: 'file_not_found' });
          u.completedIn = String(args.channel_id);
          u.comment = typeof args.initial_comment === 'string' ? args.initial_comment : undefined;
        }
        return ok({ files: files.map((f) => ({ id: f.id, title: f.title })) });
      }
      default:
        return sendJson(res, 200, { ok: false, error: 'unknown_method' });
    }
  });
  const adapter = new SlackAdapter({
    botToken: 'xoxb-e2e',
    signingSecret: SLACK_SECRET,
    apiUrl: `${fake.url}/api/`,
    port: 0,
    host: '127.0.0.1',
    log: silentLogger,
    queue: { chatIntervalMs: () => 5, globalPerSecond: 1000 },
  });
  await adapter.start(handler);
  const url = `http://127.0.0.1:${adapter.port}/slack/events`;

  const signed = (body: string, contentType: string, ts = Math.floor(Date.now() / 1000)) =>
    fetch(url, {
      method: 'POST',
      body,
      headers: {
        'content-type': contentType,
        'x-slack-request-timestamp': String(ts),
        'x-slack-signature': slackSignature(SLACK_SECRET, String(ts), body),
      },
    });
  let triggers = 0;
  const form = (fields: Record<string, string>) => signed(new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded');
  const interact = (payload: unknown) => form({ payload: JSON.stringify(payload) });

  const event = (ev: Record<string, unknown>) => {
    const body = JSON.stringify({
      type: 'event_callback',
      team_id: 'T1',
      api_app_id: 'A1',
      event_id: `Ev${Math.random()}`,
      event_time: 1,
      event: ev,
    });
    return signed(body, 'application/json');
  };
  let files = 0;

  return {
    adapter,
    url,
    calls,
    uploads,
    downloads,
    /**
     * A user drops a file into their DM with the bot: Slack sends the message (subtype file_share, the file
     * object inside) and, when the app subscribes to it, a file_shared event for the same file.
     */
    async shareFile(
      user: string,
      file: { name: string; bytes: Buffer; size?: number | null },
      via: 'message' | 'file_shared' | 'both' = 'message',
    ) {
      const f: SharedFile = {
        id: `F${user}${++files}`,
        name: file.name,
        bytes: file.bytes,
        size: file.size === undefined ? file.bytes.length : file.size,
      };
      shared.set(f.id, f);
      const channel = `D${user}`;
      const sent: Response[] = [];
      if (via !== 'file_shared')
        sent.push(
          await event({
            type: 'message',
            subtype: 'file_share',
            channel_type: 'im',
            channel,
            user,
            text: '',
            ts: `${files}.5`,
            files: [fileObject(f)],
          }),
        );
      if (via !== 'message')
        sent.push(
          await event({
            type: 'file_shared',
            file_id: f.id,
            user_id: user,
            channel_id: channel,
            file: { id: f.id },
            event_ts: `${files}.6`,
          }),
        );
      return sent.map((r) => r.status);
    },
    signed,
    mode,
    locales,
    posts: () => calls.filter((c) => c.method === 'chat.postMessage'),
    command: (user: string, text: string, channel = `D${user}`) =>
      form({
        command: '/chithi',
        text,
        user_id: user,
        user_name: user.toLowerCase(),
        channel_id: channel,
        team_id: 'T1',
        trigger_id: `tr-${user}-${++triggers}`, // Slack's trigger ids are unique per interaction
        response_url: 'http://127.0.0.1:1/r',
      }),
    event,
    button: (user: string, channel: string, actionId: string, value: string, label: string) =>
      interact({
        type: 'block_actions',
        team: { id: 'T1' },
        user: { id: user },
        api_app_id: 'A1',
        trigger_id: `trig-${user}-${++triggers}`,
        channel: { id: channel },
        container: { type: 'message', channel_id: channel },
        response_url: 'http://127.0.0.1:1/r',
        actions: [{ type: 'button', action_id: actionId, block_id: 'b', text: { type: 'plain_text', text: label }, value, action_ts: '1' }],
      }),
    submit: (user: string, view: { private_metadata: string; blocks: { block_id: string }[] }, value: string) =>
      interact({
        type: 'view_submission',
        team: { id: 'T1' },
        user: { id: user },
        api_app_id: 'A1',
        trigger_id: `trig2-${user}-${++triggers}`,
        view: {
          id: 'V1',
          type: 'modal',
          callback_id: 'report_form',
          private_metadata: view.private_metadata,
          state: { values: { [view.blocks[0]!.block_id]: { value: { type: 'number_input', value } } } },
        },
      }),
    async close() {
      await adapter.stop();
      await fake.close();
    },
  };
}

export type SlackRig = Awaited<ReturnType<typeof startSlack>>;
export const blocksOf = (c: Call) => (c.args.blocks ?? []) as Block[];
export const textOf = (c: Call) =>
  blocksOf(c)
    .filter((b) => b.type === 'section')
    .map((b) => b.text!.text)
    .join('\n');
