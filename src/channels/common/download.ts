// Downloads a file a platform holds for us, stopping as soon as more than the limit has arrived.
import { AppError, ErrorCode } from '../../core/errors.ts';

export async function downloadLimited(url: string, maxBytes: number, headers: Record<string, string> = {}): Promise<Buffer> {
  const res = await fetch(url, { headers, redirect: 'follow' });
  if (!res.ok || !res.body) throw new AppError(ErrorCode.ChannelUnavailable, `nền tảng trả lời ${res.status}`);
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    await res.body.cancel().catch(() => undefined);
    throw tooLarge(maxBytes);
  }
  const chunks: Buffer[] = [];
  let got = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    got += chunk.length;
    if (got > maxBytes) throw tooLarge(maxBytes);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

const tooLarge = (maxBytes: number): AppError =>
  new AppError(ErrorCode.InvalidInput, `tệp lớn hơn ${Math.round(maxBytes / 1024 / 1024)} MB`, { details: { tooLarge: true } });
