// Slack end to end: signed HTTP requests to the adapter's Bolt receiver, Web API calls to a local fake.
import { describe, expect, it } from 'vitest';
import { until } from '../common/fake-handler.ts';
import { useSlackHttp } from './http-harness.ts';
import { signedHeaders, type Call } from './fake-slack.ts';

const SECRET = 'slack-signing-secret';
const slack = useSlackHttp(SECRET);

function form(fields: Record<string, string>) {
  const body = new URLSearchParams(fields).toString();
  return fetch(slack.url, { method: 'POST', headers: signedHeaders(SECRET, body, 'application/x-www-form-urlencoded'), body });
}
const interact = (payload: unknown) => form({ payload: JSON.stringify(payload) });
function event(ev: Record<string, unknown>) {
  const body = JSON.stringify({
    type: 'event_callback',
    team_id: 'T1',
    api_app_id: 'A1',
    event_id: `Ev${Math.random()}`,
    event_time: 1,
    event: ev,
  });
  return fetch(slack.url, { method: 'POST', headers: signedHeaders(SECRET, body, 'application/json'), body });
}
const posts = () => slack.fake.calls.filter((c) => c.method === 'chat.postMessage');
const blocksOf = (c: Call) =>
  c.args.blocks as {
    type: string;
    text?: { text: string };
    elements?: { text: string | { text: string }; value?: string; action_id?: string }[];
  }[];
const command = (text: string) =>
  form({
    command: '/chithi',
    text,
    user_id: 'U1',
    user_name: 'lan',
    channel_id: 'D1',
    team_id: 'T1',
    trigger_id: 'tr1',
    response_url: 'http://127.0.0.1:1/r',
  });
const button = (actionId: string, value: string, label: string) =>
  interact({
    type: 'block_actions',
    team: { id: 'T1' },
    user: { id: 'U1' },
    api_app_id: 'A1',
    trigger_id: 'trig-1',
    channel: { id: 'D1' },
    container: { type: 'message', channel_id: 'D1' },
    response_url: 'http://127.0.0.1:1/r',
    actions: [{ type: 'button', action_id: actionId, block_id: 'b', text: { type: 'plain_text', text: label }, value, action_ts: '1' }],
  });
const submit = (value: string, privateMetadata: string) =>
  interact({
    type: 'view_submission',
    team: { id: 'T1' },
    user: { id: 'U1' },
    api_app_id: 'A1',
    trigger_id: 'trig-2',
    view: {
      id: 'V1',
      type: 'modal',
      callback_id: 'report_form',
      private_metadata: privateMetadata,
      state: { values: { 'item-1': { value: { type: 'number_input', value } } } },
    },
  });

describe('Slack adapter (HTTP mode)', () => {
  it('answers /chithi <question> with a section and the citation in a context block, escaped', async () => {
    const res = await command('hỏi chữ ký số');
    expect(res.status).toBe(200);
    const [post] = await until(() => (posts().length ? posts() : undefined));
    expect(post!.args.channel).toBe('D1');
    const blocks = blocksOf(post!);
    expect(blocks[0]).toMatchObject({ type: 'section', text: { text: 'Sở TT&amp;TT chủ trì &lt;triển khai&gt; chữ ký số.' } });
    expect(blocks[1]).toMatchObject({ type: 'context', elements: [{ text: 'Nguồn: 17/CT-UBND (Quảng Ngãi), Điều 2.5.b' }] });
    expect(slack.engine.seen.at(-1)).toMatchObject({ channel: 'slack', userId: 'U1', chatId: 'D1', text: 'hỏi chữ ký số' });
  });

  it('runs /chithi baocao → buttons → modal: a refused value shows the reason in the modal, an accepted one is posted', async () => {
    await command('baocao');
    expect(slack.engine.seen.at(-1)?.text).toBe('báo cáo');
    const menu = await until(() => posts()[0]);
    const choices = blocksOf(menu).find((b) => b.type === 'actions')!.elements!;
    expect(choices.map((e) => (e.text as { text: string }).text)).toEqual(['Tỷ lệ hộ có máy tính', 'Bỏ qua']);

    await button(choices[0]!.action_id!, choices[0]!.value!, 'Tỷ lệ hộ có máy tính');
    const step = await until(() => posts()[1]);
    expect(slack.engine.seen.at(-1)).toMatchObject({ choice: 'item:1', text: 'Tỷ lệ hộ có máy tính' });
    const open = blocksOf(step).find((b) => b.type === 'actions')!.elements![0]!;
    expect(open.action_id).toBe('open_form');

    await button('open_form', open.value!, 'Nhập số liệu');
    const viewCall = await until(() => slack.fake.calls.find((c) => c.method === 'views.open'));
    const view = viewCall.args.view as { private_metadata: string; blocks: { block_id: string; element: Record<string, unknown> }[] };
    expect(viewCall.args.trigger_id).toBe('trig-1');
    expect(view.blocks[0]).toMatchObject({
      block_id: 'item-1',
      element: { type: 'number_input', min_value: '0', max_value: '100', is_decimal_allowed: true },
    });

    const postsBefore = posts().length;
    const refused = await submit('150', view.private_metadata);
    expect(refused.status).toBe(200);
    expect(await refused.json()).toEqual({
      response_action: 'errors',
      errors: { 'item-1': 'Giá trị phải từ 0 đến 100 (%). Vui lòng nhập lại.' },
    });
    expect(slack.engine.seen.at(-1)).toMatchObject({ formValues: { 'item-1': '150' }, chatId: 'D1' });

    const accepted = await submit('42', view.private_metadata);
    expect(accepted.status).toBe(200);
    expect(await accepted.text()).toBe('');
    const done = await until(() => posts()[postsBefore]);
    expect(blocksOf(done)[0]!.text!.text).toBe('Đã ghi nhận 42%. Cảm ơn anh/chị.');
    expect(posts()).toHaveLength(postsBefore + 1); // the refusal was shown only in the modal
  });

  it('answers an app mention in the channel, without the mention in the text', async () => {
    const res = await event({ type: 'app_mention', user: 'U2', text: '<@UBOT> hỏi chữ ký số', channel: 'C9', ts: '1.1', event_ts: '1.1' });
    expect(res.status).toBe(200);
    const post = await until(() => posts()[0]);
    expect(post.args.channel).toBe('C9');
    expect(slack.engine.seen.at(-1)).toMatchObject({ userId: 'U2', chatId: 'C9', text: 'hỏi chữ ký số', isGroup: true });
  });

  it('answers a direct message and ignores its own messages', async () => {
    await event({ type: 'message', channel_type: 'im', user: 'U3', text: 'xin chào', channel: 'D3', ts: '2.1', event_ts: '2.1' });
    const post = await until(() => posts()[0]);
    expect(blocksOf(post)[0]!.text!.text).toBe('Bạn nói: xin chào');
    const before = slack.engine.seen.length;
    await event({
      type: 'message',
      channel_type: 'im',
      user: 'UBOT',
      bot_id: 'BBOT',
      text: 'Bạn nói: xin chào',
      channel: 'D3',
      ts: '2.2',
      event_ts: '2.2',
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(slack.engine.seen.length).toBe(before);
  });

  it('refuses forged, stale and oversized requests before anything reaches the engine', async () => {
    const before = slack.engine.seen.length;
    const body = new URLSearchParams({ command: '/chithi', text: 'baocao', user_id: 'U1', channel_id: 'D1' }).toString();
    const forged = await fetch(slack.url, {
      method: 'POST',
      headers: signedHeaders('wrong-secret', body, 'application/x-www-form-urlencoded'),
      body,
    });
    expect(forged.status).toBe(401);
    const stale = await fetch(slack.url, {
      method: 'POST',
      headers: signedHeaders(SECRET, body, 'application/x-www-form-urlencoded', Math.floor(Date.now() / 1000) - 6 * 60),
      body,
    });
    expect(stale.status).toBe(401);
    const big = `text=${'a'.repeat(1024 * 1024 + 1)}`;
    const huge = await fetch(slack.url, {
      method: 'POST',
      headers: signedHeaders(SECRET, big, 'application/x-www-form-urlencoded'),
      body: big,
    });
    expect(huge.status).toBe(413);
    await new Promise((r) => setTimeout(r, 100));
    expect(slack.engine.seen.length).toBe(before);
    expect(posts()).toHaveLength(0);
  });
});
