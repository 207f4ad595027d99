// Zalo Official Account API v3 client: send with header access_token; on error -216 (token expired) refresh
// once — the refresh token is single-use, so the new pair is stored (atomically) before it is used, and
// concurrent sends share one refresh.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { TokenPair, TokenStore } from '../../core/interfaces.ts';
import { RateLimitedError, retryAfterMs } from '../common/queue.ts';

export type { TokenPair, TokenStore } from '../../core/interfaces.ts';

/** JSON file written to a temp file then renamed over the old one: a crash never leaves half a token. */
export class FileTokenStore implements TokenStore {
  constructor(readonly path: string) {}

  async load(): Promise<TokenPair | null> {
    try {
      const pair = JSON.parse(await readFile(this.path, 'utf8')) as TokenPair;
      return pair.accessToken && pair.refreshToken ? pair : null;
    } catch {
      return null;
    }
  }

  async save(pair: TokenPair): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(tmp, JSON.stringify(pair, null, 2), { mode: 0o600, flush: true });
    await rename(tmp, this.path);
  }
}

export class ZaloOaError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(`Zalo OA ${code}: ${message}`);
    this.name = 'ZaloOaError';
  }
}

export interface ZaloOaApiOptions {
  appId: string;
  secretKey: string;
  apiRoot?: string;
  oauthRoot?: string;
  store: TokenStore;
  initial?: Partial<TokenPair>;
}

export class ZaloOaApi {
  private tokens: TokenPair | null = null;
  private refreshing: Promise<void> | null = null;

  constructor(private readonly opts: ZaloOaApiOptions) {}

  /** Stored tokens win over the environment: after the first refresh the env refresh token is spent. */
  async init(): Promise<void> {
    const stored = await this.opts.store.load();
    const env = this.opts.initial;
    if (stored) this.tokens = stored;
    else if (env?.refreshToken) this.tokens = { accessToken: env.accessToken ?? '', refreshToken: env.refreshToken };
    else throw new Error('Zalo OA: no tokens (set ZALO_OA_REFRESH_TOKEN, or a stored token file)');
    if (!this.tokens.accessToken) await this.refresh('');
  }

  async sendText(userId: string, text: string): Promise<void> {
    const used = this.tokens?.accessToken ?? '';
    let r = await this.post(used, userId, text);
    if (r.error === -216) {
      await this.refresh(used);
      r = await this.post(this.tokens?.accessToken ?? '', userId, text);
    }
    if (r.error !== 0) throw new ZaloOaError(r.error ?? -1, r.message ?? 'unknown error');
  }

  private async post(token: string, userId: string, text: string): Promise<{ error?: number; message?: string }> {
    const res = await fetch(`${(this.opts.apiRoot ?? 'https://openapi.zalo.me').replace(/\/$/, '')}/v3.0/oa/message/cs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', access_token: token },
      body: JSON.stringify({ recipient: { user_id: userId }, message: { text } }),
    });
    if (res.status === 429) throw new RateLimitedError(retryAfterMs(res.headers.get('retry-after')), 'zalo oa rate limited');
    const json = (await res.json().catch(() => null)) as { error?: number; message?: string } | null;
    if (!json) throw new ZaloOaError(res.status, `HTTP ${res.status}`);
    return json;
  }

  /** Refreshes unless another call already replaced the token `stale`. */
  private async refresh(stale: string): Promise<void> {
    if (this.tokens && this.tokens.accessToken !== stale && this.tokens.accessToken) return;
    this.refreshing ??= this.refreshShared(stale).finally(() => {
      this.refreshing = null;
    });
    await this.refreshing;
  }

  /**
   * Another instance sharing the store may have refreshed already: its newer pair is taken. Otherwise this one
   * refreshes with the latest stored refresh token, holding the store's lock, so no two instances spend one token.
   */
  private async refreshShared(stale: string): Promise<void> {
    const run = async () => {
      const stored = await this.opts.store.load();
      if (stored?.accessToken && stored.accessToken !== stale) return void (this.tokens = stored);
      if (stored) this.tokens = stored;
      await this.doRefresh();
    };
    await (this.opts.store.exclusive ? this.opts.store.exclusive(run) : run());
  }

  private async doRefresh(): Promise<void> {
    const res = await fetch(`${(this.opts.oauthRoot ?? 'https://oauth.zaloapp.com').replace(/\/$/, '')}/v4/oa/access_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', secret_key: this.opts.secretKey },
      body: new URLSearchParams({ refresh_token: this.tokens?.refreshToken ?? '', app_id: this.opts.appId, grant_type: 'refresh_token' }),
    });
    const json = (await res.json().catch(() => null)) as {
      access_token?: string;
      refresh_token?: string;
      error?: number;
      error_description?: string;
    } | null;
    if (!json?.access_token || !json.refresh_token) {
      throw new ZaloOaError(json?.error ?? res.status, `token refresh failed: ${json?.error_description ?? res.statusText}`);
    }
    const pair: TokenPair = { accessToken: json.access_token, refreshToken: json.refresh_token, updatedAt: new Date().toISOString() };
    await this.opts.store.save(pair); // persisted before use: the old refresh token is now spent
    this.tokens = pair;
  }
}
