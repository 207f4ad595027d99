// Several instances, one Zalo OA: the refresh token is single-use, so when the access token expires on both at once
// only one may refresh; the other must take the new pair. With the pair in the database (and a lease around the
// refresh) both sends go through after one refresh; with a token file per machine the second refresh is refused.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileTokenStore, ZaloOaApi, type TokenStore } from '../../../src/channels/zalo/oa-api.ts';
import { databaseTokenStore } from '../../../src/db/token-store.ts';
import { leaseFor } from '../../../src/scheduler/lease.ts';
import { tempDb } from '../../helpers/db.ts';
import { startFakeZaloOa } from './fakes.ts';

const APP_ID = '4321';
const SECRET = 'oa-secret-key';
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function twoInstances(store: (holder: string) => TokenStore) {
  const fake = await startFakeZaloOa(APP_ID, SECRET, { access: 'access-0', refresh: 'refresh-0' });
  cleanup.push(() => fake.close());
  const api = (holder: string) =>
    new ZaloOaApi({
      appId: APP_ID,
      secretKey: SECRET,
      apiRoot: fake.url,
      oauthRoot: fake.url,
      store: store(holder),
      initial: { accessToken: 'access-0', refreshToken: 'refresh-0' },
    });
  const [a, b] = [api('instance-a'), api('instance-b')];
  await a.init();
  await b.init();
  fake.state.access = 'expired-on-the-server'; // access-0 now gets -216 on both instances
  return { fake, a, b };
}

describe('Zalo OA tokens shared by instances', () => {
  it('one refresh for two instances whose token expired at once; both sends go through, later ones on the new token', async () => {
    const t = await tempDb();
    cleanup.push(() => t.close());
    const { fake, a, b } = await twoInstances((holder) =>
      databaseTokenStore(t.db, 'zalo-oa', leaseFor(t.db, 'zalo-oa-token-refresh', holder, 30_000), {}),
    );
    await Promise.all([a.sendText('zu1', 'nhắc từ máy A'), b.sendText('zu2', 'nhắc từ máy B')]);
    expect(fake.state.refreshes).toBe(1);
    expect(fake.sent.map((s) => s.text).sort()).toEqual(['nhắc từ máy A', 'nhắc từ máy B']);
    await b.sendText('zu2', 'lần sau');
    expect(fake.sent.at(-1)).toMatchObject({ text: 'lần sau', token: 'access-1' });
  });

  it('starts from the token file of a one-instance deployment until the first refresh is saved in the database', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zalo-oa-'));
    const t = await tempDb();
    cleanup.push(
      () => rm(dir, { recursive: true, force: true }),
      () => t.close(),
    );
    const file = new FileTokenStore(join(dir, 'tokens.json'));
    await file.save({ accessToken: 'access-0', refreshToken: 'refresh-0' });
    const store = databaseTokenStore(t.db, 'zalo-oa', leaseFor(t.db, 'zalo-oa-token-refresh', 'a', 30_000), { before: file });
    expect(await store.load()).toMatchObject({ accessToken: 'access-0', refreshToken: 'refresh-0' });
    await store.save({ accessToken: 'access-1', refreshToken: 'refresh-1' });
    expect(await store.load()).toMatchObject({ accessToken: 'access-1', refreshToken: 'refresh-1' });
  });

  it('with a token file per machine, the second instance spends an already spent refresh token and its send fails', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zalo-oa-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const { fake, a, b } = await twoInstances((holder) => new FileTokenStore(join(dir, `${holder}.json`)));
    const results = await Promise.allSettled([a.sendText('zu1', 'A'), b.sendText('zu2', 'B')]);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    expect(fake.state.refreshes).toBe(1);
  });
});
