// Reminders through real adapters: scheduler.tick(now) on a ManualClock delivers the opening prompt through
// the real Telegram adapter, its "Báo cáo ngay" button opens the form, and a Zalo OA identity whose free
// message window is spent falls back to the person's other linked channel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zaloOaSignature } from '../../src/channels/common/signature.ts';
import type { ZaloOaAdapter } from '../../src/channels/zalo/oa.ts';
import { startZaloOa, type ZaloOaRig } from './zalo-oa-harness.ts';
import { OaQuota } from '../../src/channels/zalo/quota.ts';
import type { DeliveryResult } from '../../src/core/interfaces.ts';
import { post, startBot, until, type Bot } from './helpers.ts';
import { press, replies, say, startTelegram, type Keyboard, type TelegramRig } from './telegram-harness.ts';

const APP_ID = '888';
const OA_SECRET = 'oa-secret';
let bot: Bot;
let tg: TelegramRig;
let oaFake: ZaloOaRig['fake'];
let oa: ZaloOaAdapter;
let closeOa: () => Promise<void>;
const oaClock = { shift: 0 }; // the OA budget's own clock, moved past the 48 h window

beforeAll(async () => {
  bot = await startBot();
  // The first working morning after the quarter's reporting opened: the opening prompt is due.
  const period = await bot.app.db.period.findUniqueOrThrow({ where: { id: bot.periodId } });
  const open = new Date(period.startsAt.getTime() + 7 * 3600_000); // shift to Vietnam time for the date
  const day = new Date(`${open.toISOString().slice(0, 10)}T09:00:00+07:00`);
  while ([0, 6].includes(new Date(day.getTime() + 7 * 3600_000).getUTCDay()) || day < period.startsAt)
    day.setTime(day.getTime() + 86_400_000);
  bot.clock.set(day);

  tg = await startTelegram(bot.runtime.bot.handle);
  bot.runtime.adapters.set('telegram', tg.adapter);
  const quota = new OaQuota(8, 48 * 3600_000, () => Date.now() + oaClock.shift);
  ({
    oa,
    fake: oaFake,
    close: closeOa,
  } = await startZaloOa(bot.runtime.bot.handle, { appId: APP_ID, secret: OA_SECRET, quota, queue: { chatIntervalMs: () => 5 } }));
  bot.runtime.adapters.set('zalo-oa', oa);
});
afterAll(async () => {
  await closeOa?.();
  await tg?.close();
  await bot?.close();
});

async function oaSay(user: string, text: string): Promise<string> {
  const from = oaFake.sent.length;
  const ts = String(Date.now());
  const body = JSON.stringify({
    app_id: APP_ID,
    event_name: 'user_send_text',
    timestamp: ts,
    sender: { id: user },
    recipient: { id: 'oa1' },
    message: { msg_id: `m${Math.random()}`, text },
  });
  expect(
    await post(`http://127.0.0.1:${oa.webhookPort}/zalo/oa`, body, { 'x-zevent-signature': zaloOaSignature(APP_ID, body, ts, OA_SECRET) }),
  ).toBe(200);
  return (await until(() => oaFake.sent.slice(from).find((s) => s.user_id === user))).text;
}

describe('reminders through the real adapters', () => {
  it('delivers the opening prompt on Telegram; "Báo cáo ngay" starts the form; an over-quota Zalo OA identity falls back to Telegram', async () => {
    // Official A: Telegram only.
    const a = tg.client(701, 'An');
    await say(a, `/start ${await bot.invite()}`, 'Đăng ký thành công');
    // Official B: registered on Telegram, then linked on Zalo OA (the channel used last, so tried first).
    const b = tg.client(702, 'Bình');
    await say(b, `/start ${await bot.invite('official', 'Sở Tài chính')}`, 'Sở Tài chính');
    const link = /Mã liên kết: (\S+)/.exec((await say(b, 'liên kết', 'Mã liên kết')).map((m) => m.text).join('\n'))![1]!;
    expect(await oaSay('oa-b', `/start ${link}`)).toContain('Đã liên kết');
    oaClock.shift = 49 * 3600_000; // B has not written to the OA for 49 h: no free message left
    expect(await oa.send('oa-b', [{ text: 'thử' }])).toMatchObject({ ok: false, reason: 'quota' });

    const oaBefore = oaFake.sent.length;
    const oaResults: DeliveryResult[] = [];
    const send = oa.send.bind(oa);
    oa.send = async (chatId, messages) => {
      const res = await send(chatId, messages);
      oaResults.push(res);
      return res;
    };
    bot.clock.advance(3600_000); // past the idle window after registering
    const r = await bot.runtime.scheduler.tick(bot.clock.now());
    expect(r).toMatchObject({ leader: true, sent: 2, failed: 0 });

    const prompt = (await replies(a, (m) => m.some((x) => x.text.startsWith('Đã mở kỳ')))).find((x) => x.text.startsWith('Đã mở kỳ'))!;
    expect(prompt.text).toContain('Đã mở kỳ báo cáo ứng dụng CNTT tỉnh Cà Mau quý IV/2026.'); // not "báo cáo “Báo cáo …” kỳ 2026-Q4"
    expect((prompt.reply_markup as Keyboard).inline_keyboard.flat().map((k) => k.text)).toEqual(['Báo cáo ngay', 'Nhắc lại sau']);
    const form = await press(a, [prompt], 'Báo cáo ngay', 'Câu 1/4');
    expect(form.map((m) => m.text).join('\n')).toContain(
      'Báo cáo quý IV/2026 — Báo cáo ứng dụng CNTT tỉnh Cà Mau, Sở Khoa học và Công nghệ',
    );

    const fallback = await replies(b, (m) => m.some((x) => x.text.startsWith('Đã mở kỳ')));
    expect(fallback.some((x) => x.text.startsWith('Đã mở kỳ'))).toBe(true);
    expect(oaFake.sent.length).toBe(oaBefore);
    expect(oaResults).toEqual([{ ok: false, reason: 'quota', error: expect.any(String) }]); // tried first, refused
    const rows = await bot.app.db.outbox.findMany({ where: { kind: 'prompt' } });
    expect(rows.map((x) => [x.status, x.channel])).toEqual([
      ['sent', 'telegram'],
      ['sent', 'telegram'],
    ]);
  });
});
