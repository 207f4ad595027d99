// Slack App Home: a signed app_home_opened event → the engine is asked with HOME_COMMAND → views.publish with
// the reply as blocks; the "Báo cáo" button on the Home tab starts the form in the user's DM.
import { describe, expect, it } from 'vitest';
import { HOME_COMMAND } from '../../../src/channels/slack/home.ts';
import { until } from '../common/fake-handler.ts';
import { useSlackHttp } from './http-harness.ts';
import { signedHeaders } from './fake-slack.ts';

const SECRET = 'slack-home-secret';
const slack = useSlackHttp(SECRET);

function signed(body: string, type: string, secret = SECRET) {
  return fetch(slack.url, { method: 'POST', headers: signedHeaders(secret, body, type), body });
}
const homeOpened = (user: string, tab = 'home', secret = SECRET) =>
  signed(
    JSON.stringify({
      type: 'event_callback',
      team_id: 'T1',
      api_app_id: 'A1',
      event_id: `Ev${Math.random()}`,
      event_time: 1,
      event: { type: 'app_home_opened', user, channel: `D${user}`, tab, event_ts: '1.1' },
    }),
    'application/json',
    secret,
  );

type Block = {
  type: string;
  text?: { text: string };
  elements?: { text: string | { text: string }; value?: string; action_id?: string }[];
};
const publishes = () => slack.fake.calls.filter((c) => c.method === 'views.publish');
const viewOf = (i: number) => publishes()[i]!.args.view as { type: string; blocks: Block[] };
const sectionTexts = (blocks: Block[]) => blocks.filter((b) => b.type === 'section').map((b) => b.text!.text);

describe('Slack App Home tab', () => {
  it('publishes the user’s registration, open period with due date and progress, and a "Báo cáo" button', async () => {
    expect((await homeOpened('U1')).status).toBe(200);
    await until(() => publishes()[0]);
    expect(slack.engine.seen.at(-1)).toMatchObject({ channel: 'slack', userId: 'U1', chatId: 'DU1', text: HOME_COMMAND, isGroup: false });
    expect(publishes()[0]!.args.user_id).toBe('U1');
    const view = viewOf(0);
    expect(view.type).toBe('home');
    expect(view.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Trợ lý văn bản chỉ đạo' } });
    expect(sectionTexts(view.blocks)).toEqual([
      'Bạn đã đăng ký: cán bộ Sở TT&amp;TT (Cà Mau).',
      'Báo cáo quý IV/2026 (BC-CDS): hạn 10/01/2027. Đã trả lời 2/4 câu, chưa gửi.',
    ]);
    const buttons = view.blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements!);
    expect(buttons.map((b) => [(b.text as { text: string }).text, b.value])).toEqual([['Báo cáo', 'bao_cao']]);
    expect(slack.fake.calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(0); // nothing posted in chat
  });

  it('tells an unregistered user how to register', async () => {
    await homeOpened('UNEW');
    await until(() => publishes()[0]);
    expect(sectionTexts(viewOf(0).blocks)).toEqual(['Bạn chưa đăng ký. Xin mã mời từ quản trị viên rồi gõ "đăng ký &lt;mã&gt;".']);
  });

  it('"Báo cáo" on the Home tab starts the form in the user’s DM', async () => {
    const res = await signed(
      new URLSearchParams({
        payload: JSON.stringify({
          type: 'block_actions',
          team: { id: 'T1' },
          user: { id: 'U1' },
          api_app_id: 'A1',
          trigger_id: 'trig-h',
          container: { type: 'view', view_id: 'VH' },
          view: { id: 'VH', type: 'home' },
          actions: [
            {
              type: 'button',
              action_id: 'choice:0',
              block_id: 'b',
              text: { type: 'plain_text', text: 'Báo cáo' },
              value: 'bao_cao',
              action_ts: '1',
            },
          ],
        }),
      }).toString(),
      'application/x-www-form-urlencoded',
    );
    expect(res.status).toBe(200);
    const post = await until(() => slack.fake.calls.find((c) => c.method === 'chat.postMessage'));
    expect(post.args.channel).toBe('U1'); // Slack delivers a post to a user id in the app's DM
    expect(slack.engine.seen.at(-1)).toMatchObject({ userId: 'U1', chatId: 'U1', text: 'Báo cáo', choice: 'bao_cao', isGroup: false });
    expect((post.args.blocks as Block[])[0]!.text!.text).toContain('Câu 1/4');
  });

  it('ignores the Messages tab and refuses a forged Home event', async () => {
    const before = slack.engine.seen.length;
    await homeOpened('U1', 'messages');
    expect((await homeOpened('U1', 'home', 'wrong-secret')).status).toBe(401);
    await new Promise((r) => setTimeout(r, 150));
    expect(slack.engine.seen.length).toBe(before);
    expect(publishes()).toHaveLength(0);
  });
});
