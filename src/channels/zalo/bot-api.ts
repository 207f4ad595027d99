// Zalo Bot Platform client: POST `${root}/bot<TOKEN>/<method>` with JSON, envelope { ok, result, error_code, description }.
import { RateLimitedError, retryAfterMs } from '../common/queue.ts';

export class ZaloBotError extends Error {
  constructor(
    readonly code: number,
    description: string,
  ) {
    super(`Zalo Bot API ${code}: ${description}`);
    this.name = 'ZaloBotError';
  }
}

interface Envelope<T> {
  ok?: boolean;
  result?: T;
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number };
}

export class ZaloBotApi {
  constructor(
    private readonly token: string,
    private readonly root = 'https://bot-api.zaloplatforms.com',
  ) {}

  async call<T>(method: string, body: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
    const res = await fetch(`${this.root.replace(/\/$/, '')}/bot${this.token}/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal,
    });
    const json = (await res.json().catch(() => null)) as Envelope<T> | null;
    const code = json?.error_code ?? res.status;
    if (res.status === 429 || code === 429)
      throw new RateLimitedError(retryAfterMs(json?.parameters?.retry_after ?? res.headers.get('retry-after')), 'zalo bot rate limited');
    if (!res.ok || !json?.ok) throw new ZaloBotError(code, json?.description ?? res.statusText);
    return json.result as T;
  }
}

/** A Zalo Bot update, as documented (some variants use from.first_name and no event_name). */
export interface ZaloBotUpdate {
  event_name?: string;
  message?: {
    message_id?: string;
    from?: { id?: string | number; display_name?: string; first_name?: string };
    chat?: { id?: string | number; chat_type?: string };
    date?: number;
    text?: string;
  };
}

/** Webhook bodies come bare or wrapped as { ok, result }; getUpdates returns one update (or, defensively, a list). */
export function unwrapUpdates(body: unknown): ZaloBotUpdate[] {
  if (!body || typeof body !== 'object') return [];
  const inner = 'result' in body && !('message' in body) ? (body as { result: unknown }).result : body;
  const list = Array.isArray(inner) ? inner : [inner];
  return list.filter((u): u is ZaloBotUpdate => !!u && typeof u === 'object');
}
