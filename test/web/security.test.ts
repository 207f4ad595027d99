// Refusals of the web pages: forged or replayed Telegram initData, an expired or someone else's form link, a
// missing CSRF token. Each gets a Vietnamese refusal and stores nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csrfFor, signFormToken, signInitData } from '../../src/web/link.ts';
import { buildWebServer } from '../../src/web/server.ts';
import { BOT_TOKEN, SECRET, webFixture, type WebFixture } from './helpers.ts';

let fx: WebFixture;
let firstItem: number;

beforeAll(async () => {
  fx = await webFixture();
  firstItem = (await fx.app.db.regimeItem.findFirstOrThrow({ where: { agencyId: fx.agencyId }, orderBy: { ord: 'asc' } })).id;
});
afterAll(() => fx.close());

const nowMs = () => fx.clock.now().getTime();
const tokenFor = (userId: number, agencyId: number, exp = nowMs() + 3600_000) =>
  signFormToken(SECRET, { userId, periodId: fx.periodId, agencyId, exp });
const stored = async () => ({ answers: await fx.app.db.answer.count(), audit: await fx.app.db.auditLog.count() });

async function post(token: string, csrf: string | undefined, itemId = firstItem) {
  return fx.web.inject({
    method: 'POST',
    url: '/form/field',
    headers: csrf === undefined ? {} : { 'x-csrf-token': csrf },
    payload: { t: token, itemId, text: '80' },
  });
}

describe('form links', () => {
  it('an expired link is refused with a way to get a new one', async () => {
    const t = tokenFor(fx.official, fx.agencyId, nowMs() - 1);
    const before = await stored();
    const page = await fx.web.inject({ method: 'GET', url: `/form?t=${t}` });
    expect(page.statusCode).toBe(403);
    expect(page.body).toContain('Đường dẫn đã hết hạn');
    expect((await post(t, csrfFor(SECRET, t))).statusCode).toBe(403);
    expect(await stored()).toEqual(before);
  });

  it('a link edited to another agency, or signed with another secret, is refused', async () => {
    const t = tokenFor(fx.official, fx.agencyId);
    const [body] = t.split('.');
    const claim = JSON.parse(Buffer.from(body!, 'base64url').toString()) as Record<string, number>;
    const edited = `${Buffer.from(JSON.stringify({ ...claim, a: fx.otherAgencyId })).toString('base64url')}.${t.split('.')[1]}`;
    const foreign = signFormToken('another-secret', {
      userId: fx.official,
      periodId: fx.periodId,
      agencyId: fx.agencyId,
      exp: nowMs() + 1e6,
    });
    const before = await stored();
    for (const bad of [edited, foreign, 'garbage']) {
      const page = await fx.web.inject({ method: 'GET', url: `/form?t=${encodeURIComponent(bad)}` });
      expect(page.statusCode).toBe(403);
      expect(page.body).toContain('Đường dẫn không hợp lệ');
      expect((await post(bad, csrfFor(SECRET, bad))).statusCode).toBe(403);
    }
    expect(await stored()).toEqual(before);
  });

  it("a link for someone else's agency (validly signed) is refused: an official reports only for their own", async () => {
    const t = tokenFor(fx.otherOfficial, fx.agencyId);
    const before = await stored();
    const page = await fx.web.inject({ method: 'GET', url: `/form?t=${t}` });
    expect(page.statusCode).toBe(403);
    expect(page.body).toContain('không dành cho bạn');
    expect((await post(t, csrfFor(SECRET, t))).statusCode).toBe(403);
    expect(await stored()).toEqual(before);
  });

  it('a change without the CSRF token, or with the token of another link, is refused', async () => {
    const t = tokenFor(fx.official, fx.agencyId);
    const other = tokenFor(fx.official, fx.agencyId, nowMs() + 7200_000);
    const before = await stored();
    for (const csrf of [undefined, '', csrfFor(SECRET, other)]) {
      const r = await post(t, csrf);
      expect(r.statusCode).toBe(403);
      expect(r.json().messages[0].text).toContain('Phiên làm việc không hợp lệ');
    }
    const s = await fx.web.inject({ method: 'POST', url: '/form/submit', payload: { t } });
    expect(s.statusCode).toBe(403);
    expect(await stored()).toEqual(before);
    expect(await fx.app.db.submission.count({ where: { periodId: fx.periodId, status: 'submitted' } })).toBe(0);
  });

  it('an item of another agency cannot be written through my link', async () => {
    const t = tokenFor(fx.official, fx.agencyId);
    const foreignItem = (await fx.app.db.regimeItem.findFirstOrThrow({ where: { agencyId: fx.otherAgencyId } })).id;
    const before = await stored();
    expect((await post(t, csrfFor(SECRET, t), foreignItem)).statusCode).toBe(400);
    expect(await stored()).toEqual(before);
  });
});

describe('Telegram Web App initData', () => {
  const fields = (authDate: number, id = 777) => ({
    auth_date: String(authDate),
    query_id: 'AAH',
    user: JSON.stringify({ id, first_name: 'Bích' }),
  });
  const session = (initData: string) =>
    fx.web.inject({ method: 'POST', url: '/tg/session', payload: { initData, periodId: fx.periodId, agencyId: fx.agencyId } });

  it('genuine, fresh initData gives this person their form link', async () => {
    const r = await session(signInitData(BOT_TOKEN, fields(Math.floor(nowMs() / 1000) - 10)));
    expect(r.statusCode).toBe(200);
    const url = r.json().url as string;
    expect(url).toMatch(/^\/form\?t=/);
    expect((await fx.web.inject({ method: 'GET', url })).statusCode).toBe(200);
  });

  it('forged initData (another bot token, or a changed user id) is refused', async () => {
    const now = Math.floor(nowMs() / 1000);
    const other = signInitData('999:ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ', fields(now));
    const tampered = signInitData(BOT_TOKEN, fields(now)).replace(encodeURIComponent('"id":777'), encodeURIComponent('"id":778'));
    for (const bad of [other, tampered, 'hash=00', '']) {
      const r = await session(bad);
      expect(r.statusCode).toBe(403);
      expect(r.json().error).toMatch(/không hợp lệ/);
    }
  });

  it('replayed (stale) initData is refused', async () => {
    const r = await session(signInitData(BOT_TOKEN, fields(Math.floor(nowMs() / 1000) - 2 * 3600)));
    expect(r.statusCode).toBe(403);
    expect(r.json().error).toContain('hết hạn');
  });

  it('initData already used once is refused within its age window, even after a restart (kept in the database)', async () => {
    const initData = signInitData(BOT_TOKEN, { ...fields(Math.floor(nowMs() / 1000) - 5), query_id: 'AAH-once' });
    expect((await session(initData)).statusCode).toBe(200);
    // Again on this server, and on a server built afresh on the same database (a restart).
    const restarted = buildWebServer(fx.app);
    for (const web of [fx.web, restarted]) {
      const again = await web.inject({
        method: 'POST',
        url: '/tg/session',
        payload: { initData, periodId: fx.periodId, agencyId: fx.agencyId },
      });
      expect(again.statusCode).toBe(403);
      expect(again.json().error).toContain('đã được dùng');
      expect(again.json().url).toBeUndefined();
    }
    await restarted.close();
    // A fresh launch of the Web App (new initData) still works.
    const fresh = signInitData(BOT_TOKEN, { ...fields(Math.floor(nowMs() / 1000) - 4), query_id: 'AAH-next' });
    expect((await session(fresh)).statusCode).toBe(200);
  });

  it('a Telegram account nobody registered gets no form', async () => {
    const r = await session(signInitData(BOT_TOKEN, fields(Math.floor(nowMs() / 1000), 4242)));
    expect(r.statusCode).toBe(403);
  });
});
