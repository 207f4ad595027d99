// A Zalo OA adapter wired to a local fake of the OA and OAuth APIs, with its token pair in a temp file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ZaloOaAdapter } from '../../src/channels/zalo/oa.ts';
import { FileTokenStore, ZaloOaApi } from '../../src/channels/zalo/oa-api.ts';
import type { OaQuota } from '../../src/channels/zalo/quota.ts';
import type { MessageHandler } from '../../src/core/interfaces.ts';
import { silentLogger } from '../../src/log.ts';
import { startFakeZaloOa } from '../channels/zalo/fakes.ts';

export interface ZaloOaRig {
  oa: ZaloOaAdapter;
  fake: Awaited<ReturnType<typeof startFakeZaloOa>>;
  close(): Promise<void>;
}

export async function startZaloOa(
  handler: MessageHandler,
  o: { appId: string; secret: string; quota?: OaQuota; queue?: ConstructorParameters<typeof ZaloOaAdapter>[0]['queue'] },
): Promise<ZaloOaRig> {
  const fake = await startFakeZaloOa(o.appId, o.secret, { access: 'a0', refresh: 'r0' });
  const dir = mkdtempSync(join(tmpdir(), 'e2e-oa-'));
  const api = new ZaloOaApi({
    appId: o.appId,
    secretKey: o.secret,
    apiRoot: fake.url,
    oauthRoot: fake.url,
    store: new FileTokenStore(join(dir, 't.json')),
    initial: { accessToken: 'a0', refreshToken: 'r0' },
  });
  const oa = new ZaloOaAdapter({
    appId: o.appId,
    secretKey: o.secret,
    api,
    ...(o.quota ? { quota: o.quota } : {}),
    webhook: { port: 0, host: '127.0.0.1' },
    log: silentLogger,
    ...(o.queue ? { queue: o.queue } : {}),
  });
  await oa.start(handler);
  return {
    oa,
    fake,
    async close() {
      await oa.stop();
      await fake.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
