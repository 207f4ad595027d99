// Fuzzed chat: seeded random messages (junk Unicode, control characters, lone surrogates, huge and empty texts,
// numbers in every shape, commands, forged and stale button payloads) from officials and a coordinator, in and
// out of the form. Nothing may crash or show an internal error, "undefined" or "NaN"; no reply is over the cap;
// every stored answer stays valid (a known status, a finite value within 10^15, a note without lone surrogates).
// FUZZ_MESSAGES sets the count (default 1,500 in `npm test`; `npm run test:robustness` runs 20,000).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_REPLY_CHARS, internalError } from '../../src/conversation/replies.ts';
import { startBot, type Bot } from '../e2e/helpers.ts';

const N = Number(process.env.FUZZ_MESSAGES ?? 1500);
let bot: Bot;

/** mulberry32: the same messages on every run. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = prng(20261202);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const junk = (n: number) => Array.from({ length: n }, () => String.fromCharCode(Math.floor(rand() * 0xffff))).join('');

const WORDS = [
  'báo cáo',
  'gửi',
  'xem',
  'sửa 2',
  'sửa 99',
  'sửa -1',
  'bỏ qua',
  'quay lại',
  'hủy',
  'tiếp tục',
  'trợ giúp',
  'thêm',
  'lọc 37/KH-STTTT',
  'bỏ lọc',
];
const NUMBERS = [
  '85',
  '85,5',
  '1.728',
  '1,728',
  '-3',
  '1e400',
  '99999999999999999999999',
  '0',
  '100%',
  '150%',
  'khoảng 80',
  '5 e',
  '½',
  '٣',
  'NaN',
  'Infinity',
  '0x1F',
  '85%%',
  ' 7 ',
];
const QUESTIONS = [
  'Ai chủ trì bố trí kinh phí?',
  'quy hoạch',
  'ai chưa nộp',
  'nhiệm vụ quá hạn',
  'Sở Tài chính phải làm gì',
  '?',
  '???',
  'ai',
];
const CHOICES = [
  'st:bogus',
  'st:__proto__',
  'st:constructor',
  'st:hoan_thanh',
  'yes',
  'no',
  'c0',
  'c9',
  'note',
  'question',
  'reading:1',
  'reading:99',
  'bao_cao',
  'nhac_lai_sau',
  '__proto__',
  '',
];
const COORD = [
  'tạm dừng x',
  'tiếp tục',
  'nhắc ngay',
  'lịch nhắc',
  'tạm nghỉ 1 đến 31/02/2026',
  'mở lại Sở Y tế quý 9',
  'báo cáo tổng hợp quý 4',
  'chi tiết 0',
  'tình hình báo cáo',
];

function message(): { text: string; choice?: string } {
  const r = rand();
  if (r < 0.2) return { text: pick(NUMBERS) };
  if (r < 0.35) return { text: pick(WORDS) };
  if (r < 0.45) return { text: pick(QUESTIONS) };
  if (r < 0.55) return { text: pick(['Hoàn thành', 'Gửi báo cáo', 'x', '']), choice: pick(CHOICES) };
  if (r < 0.62) return { text: pick(COORD) };
  if (r < 0.72) return { text: junk(1 + Math.floor(rand() * 40)) };
  if (r < 0.77) return { text: `ghi chú ${'\uD83D'} ${junk(5)}` };
  if (r < 0.8) return { text: 'a'.repeat(Math.floor(rand() * 9000)) };
  if (r < 0.85) return { text: `/start ${junk(8)}` };
  if (r < 0.9) return { text: pick(['\u0000', '\u200B', '\uFEFF', '\r\n', '   ', '\u202E85']) };
  return { text: `${pick(NUMBERS)} ${pick(['%', 'điểm', 'triệu đồng', 'e', 'doanh'])}` };
}

beforeAll(async () => {
  bot = await startBot();
  for (const u of ['o1', 'o2'])
    await bot.runtime.bot.handle({ channel: 'telegram', userId: u, chatId: u, text: `/start ${await bot.invite()}` });
  await bot.runtime.bot.handle({ channel: 'telegram', userId: 'c1', chatId: 'c1', text: `/start ${await bot.invite('coordinator')}` });
}, 60_000);
afterAll(async () => bot?.close());

describe(`${N} fuzzed messages`, () => {
  it('no crash, no internal error, no "undefined"/"NaN", no oversized reply, nothing invalid stored', async () => {
    const bad: string[] = [];
    for (let i = 0; i < N; i++) {
      const user = pick(['o1', 'o1', 'o2', 'c1', 'stranger']);
      const m = message();
      const out = await bot.runtime.bot.handle({ channel: 'telegram', userId: user, chatId: user, ...m });
      for (const o of out) {
        // ("NaN" typed by the user may be quoted back; the bot must not produce one of its own)
        const leaked = /undefined|NaN|\[object Object\]/.test(o.text) && !/undefined|NaN|object/i.test(m.text);
        if (o.text === internalError().text || leaked || o.text.length > MAX_REPLY_CHARS + 200)
          bad.push(`${JSON.stringify(m).slice(0, 80)} → ${o.text.slice(0, 120)}`);
      }
    }
    expect(bad).toEqual([]);
    const answers = await bot.app.db.answer.findMany();
    for (const a of answers) {
      expect([null, 'chua_trien_khai', 'dang_trien_khai', 'hoan_thanh']).toContain(a.status);
      if (a.value !== null) expect(Number.isFinite(a.value) && Math.abs(a.value) <= 1e15).toBe(true);
      expect(a.note ?? '').not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
  }, 600_000);
});
