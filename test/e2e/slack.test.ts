// Slack end to end: signed HTTP requests → real SlackAdapter (Bolt, HTTP mode) → the real bot; Web API
// calls go to a local fake that also implements the external file upload flow.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANSWER_AGENCY, CITATION, QUESTION, startBot, until, type Bot } from './helpers.ts';
import { blocksOf, startSlack, textOf, type SlackRig } from './slack-harness.ts';

let bot: Bot;
let slack: SlackRig;

beforeAll(async () => {
  bot = await startBot();
  slack = await startSlack(bot.runtime.bot.handle);
});
afterAll(async () => {
  await slack?.close();
  await bot?.close();
});

/** Waits for the n-th post (1-based, counted from `from`) to the channel and returns the new ones. */
async function postsAfter(from: number, channel: string, n = 1) {
  return until(
    () => {
      const got = slack
        .posts()
        .slice(from)
        .filter((c) => c.args.channel === channel);
      return got.length >= n && got;
    },
    8000,
    `${n} posts to ${channel}`,
  );
}

async function register(user: string, role: 'official' | 'coordinator' = 'official') {
  const from = slack.posts().length;
  const res = await slack.event({
    type: 'message',
    channel_type: 'im',
    channel: `D${user}`,
    user,
    text: `đăng ký ${await bot.invite(role)}`,
    ts: '1.1',
  });
  expect(res.status).toBe(200);
  const [p] = await postsAfter(from, `D${user}`);
  expect(textOf(p!)).toContain('Đăng ký thành công');
}

describe('Slack × real bot', () => {
  it('someone whose Slack is in English is offered English at registration (users.info asked once); in Vietnamese, not', async () => {
    slack.locales.set('UEN', 'en-US');
    slack.locales.set('UVI', 'vi-VN');
    for (const [user, offered] of [
      ['UEN', true],
      ['UVI', false],
    ] as const) {
      const from = slack.posts().length;
      await slack.event({
        type: 'message',
        channel_type: 'im',
        channel: `D${user}`,
        user,
        text: `đăng ký ${await bot.invite()}`,
        ts: '7.1',
      });
      const posts = await postsAfter(from, `D${user}`);
      expect(textOf(posts[0]!)).toContain('Đăng ký thành công');
      await new Promise((r) => setTimeout(r, 300)); // a second post, if any, follows the first
      const all = slack
        .posts()
        .slice(from)
        .filter((c) => c.args.channel === `D${user}`)
        .map(textOf)
        .join('\n');
      if (offered) expect(all).toContain('/lang en');
      else expect(all).not.toContain('/lang en');
    }
    await slack.event({ type: 'message', channel_type: 'im', channel: 'DUEN', user: 'UEN', text: 'trợ giúp', ts: '7.2' });
    const asked = slack.calls.filter((c) => c.method === 'users.info' && c.args.user === 'UEN');
    expect(asked).toHaveLength(1);
  });

  it('/chithi <question> → Block Kit answer, the citation in a context block', async () => {
    const from = slack.posts().length;
    expect((await slack.command('U1', QUESTION)).status).toBe(200);
    const [p] = await postsAfter(from, 'DU1');
    const blocks = blocksOf(p!);
    expect(blocks[0]!.type).toBe('section');
    expect(blocks[0]!.text!.text).toMatch(new RegExp(`^${ANSWER_AGENCY} chủ trì`));
    const context = blocks.find((b) => b.type === 'context');
    expect(context, JSON.stringify(blocks)).toBeDefined();
    expect(context!.elements![0]!.text as string).toMatch(CITATION);
    expect(textOf(p!)).not.toMatch(CITATION); // not repeated in the section
  });

  it('an app_mention question is answered in its channel', async () => {
    const from = slack.posts().length;
    await slack.event({ type: 'app_mention', user: 'U2', channel: 'C42', text: `<@UBOT> ${QUESTION}`, ts: '2.2' });
    const [p] = await postsAfter(from, 'C42');
    expect(textOf(p!)).toContain(ANSWER_AGENCY);
    expect(JSON.stringify(blocksOf(p!))).toMatch(CITATION);
  });

  it('/chithi baocao → form; the modal refuses 150% with the Vietnamese reason, accepts 85 and stores it', async () => {
    await register('U3');
    let from = slack.posts().length;
    await slack.command('U3', 'baocao');
    const ask = await postsAfter(from, 'DU3', 2);
    expect(textOf(ask[0]!)).toContain('Báo cáo quý IV/2026');
    expect(textOf(ask[1]!)).toContain('Câu 1/4');
    const open = blocksOf(ask[1]!).find((b) => b.type === 'actions')!.elements![0]!;
    expect(open.action_id).toBe('open_form');

    await slack.button('U3', 'DU3', 'open_form', open.value!, 'Nhập số liệu');
    const viewCall = await until(() => slack.calls.find((c) => c.method === 'views.open'));
    const view = viewCall.args.view as { private_metadata: string; blocks: { block_id: string; element: Record<string, unknown> }[] };
    expect(view.blocks[0]!.element).toMatchObject({ type: 'number_input', min_value: '0', max_value: '100', is_decimal_allowed: true });

    const refused = await slack.submit('U3', view, '150');
    expect(refused.status).toBe(200);
    const body = (await refused.json()) as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(body.errors[view.blocks[0]!.block_id]).toMatch(/phải từ 0 đến 100/);
    // the modal's label is the question: the error is the reason alone, not the chat's re-ask
    expect(body.errors[view.blocks[0]!.block_id]).not.toMatch(/Câu \d+\/\d+/);
    expect(await bot.app.db.answer.count({ where: { submission: { periodId: bot.periodId } } })).toBe(0);

    from = slack.posts().length;
    const accepted = await slack.submit('U3', view, '85');
    expect(accepted.status).toBe(200);
    expect(await accepted.text()).toBe('');
    const after = await postsAfter(from, 'DU3', 2);
    expect(textOf(after[0]!)).toBe('Đã ghi câu 1: 85%.');
    expect(textOf(after[1]!)).toContain('Câu 2/4');
    const stored = await bot.app.db.answer.findMany({ where: { submission: { periodId: bot.periodId } }, include: { item: true } });
    expect(stored.map((a) => [a.item.label, a.value])).toEqual([['Tỷ lệ văn bản trao đổi trên môi trường mạng', 85]]);
  });

  it('in English: the form button and the modal are English, and the modal refuses with the English reason', async () => {
    await register('U8');
    let from = slack.posts().length;
    await slack.event({ type: 'message', channel_type: 'im', channel: 'DU8', user: 'U8', text: '/lang en', ts: '2.1' });
    expect(textOf((await postsAfter(from, 'DU8'))[0]!)).toContain('From now on I reply in English');
    from = slack.posts().length;
    await slack.command('U8', 'baocao');
    const ask = await postsAfter(from, 'DU8', 2);
    expect(textOf(ask[0]!)).toContain('Report for Q4 2026');
    expect(textOf(ask[1]!)).toContain('Question 2/4');
    const open = blocksOf(ask[1]!).find((b) => b.type === 'actions')!.elements![0]!;
    expect(JSON.stringify(open)).toContain('Type the figure');
    const opens = slack.calls.filter((c) => c.method === 'views.open').length;
    await slack.button('U8', 'DU8', 'open_form', open.value!, 'Type the figure');
    const viewCall = await until(() => slack.calls.filter((c) => c.method === 'views.open')[opens]);
    const view = viewCall.args.view as {
      title: { text: string };
      submit: { text: string };
      private_metadata: string;
      blocks: { block_id: string }[];
    };
    expect([view.title.text, view.submit.text]).toEqual(['Report a figure', 'Send']);
    const refused = await slack.submit('U8', view as never, '-5');
    const body = (await refused.json()) as { response_action: string; errors: Record<string, string> };
    expect(body.errors[view.blocks[0]!.block_id]).toMatch(/cannot be negative/);
    expect(body.errors[view.blocks[0]!.block_id]).not.toMatch(/Question \d+\/\d+/);
  });

  it('a coordinator\'s "báo cáo tổng hợp quý 4" uploads the files through getUploadURLExternal → upload → completeUploadExternal', async () => {
    await register('U4', 'coordinator');
    const from = slack.posts().length;
    await slack.command('U4', 'báo cáo tổng hợp quý 4');
    const [summary] = await postsAfter(from, 'DU4');
    expect(textOf(summary!)).toContain('BÁO CÁO TỔNG HỢP QUÝ IV/2026');
    const done = await until(() => {
      const list = [...slack.uploads.values()].filter((u) => u.completedIn === 'DU4');
      return list.length >= 2 && list;
    });
    expect(done.map((u) => u.filename)).toEqual([
      'Bao-cao-tong-hop_cds-ca-mau_quy-IV-2026.xlsx',
      'Bao-cao-tong-hop_cds-ca-mau_quy-IV-2026.docx',
    ]);
    expect(done.every((u) => u.received === u.length && u.length > 5000 && u.comment === `Tệp ${u.filename}`)).toBe(true);
    const methods = slack.calls.map((c) => c.method);
    expect(methods.indexOf('files.getUploadURLExternal')).toBeLessThan(methods.indexOf('files.completeUploadExternal'));
    expect(
      slack
        .posts()
        .slice(from)
        .filter((p) => p.args.channel === 'DU4'),
    ).toHaveLength(1); // file texts rode as comments
  });

  it('when the upload is refused (missing files:write) the file text is still posted, naming the file', async () => {
    slack.mode.refuseUploads = true;
    try {
      await register('U5', 'coordinator');
      const from = slack.posts().length;
      await slack.command('U5', 'báo cáo tổng hợp quý 4');
      const posts = await postsAfter(from, 'DU5', 3);
      expect(textOf(posts[0]!)).toContain('BÁO CÁO TỔNG HỢP QUÝ IV/2026');
      expect(textOf(posts[1]!)).toMatch(
        /^Tệp Bao-cao-tong-hop_cds-ca-mau_quy-IV-2026\.xlsx\n\(Tệp "Bao-cao-tong-hop_cds-ca-mau_quy-IV-2026\.xlsx" không gửi được/,
      );
      expect(textOf(posts[2]!)).toContain('Bao-cao-tong-hop_cds-ca-mau_quy-IV-2026.docx" không gửi được');
    } finally {
      slack.mode.refuseUploads = false;
    }
  });
});
