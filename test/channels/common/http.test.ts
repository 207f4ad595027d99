// Webhook servers cut off slow and half-sent requests: a body that never finishes stayed open for over 130 s.
import { connect } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { listen, readRawBody, reply, type RunningServer } from '../../../src/channels/common/http.ts';

let server: RunningServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

/** Opens a socket, writes `data`, and resolves with what the server answered and when it closed the socket. */
function halfSend(port: number, data: string): Promise<{ answer: string; closedAfterMs: number }> {
  return new Promise((resolve) => {
    const t0 = Date.now();
    let answer = '';
    const s = connect(port, '127.0.0.1', () => s.write(data));
    s.on('data', (c) => (answer += c.toString()));
    s.on('close', () => resolve({ answer, closedAfterMs: Date.now() - t0 }));
    s.on('error', () => undefined);
  });
}

it('a half-sent body and headers that never end are answered 408 and closed within the request timeout', async () => {
  server = await listen(0, '127.0.0.1', async (req, res) => reply(res, 200, { size: (await readRawBody(req)).length }), {
    requestTimeoutMs: 800,
    headersTimeoutMs: 400,
  });
  const body = await halfSend(
    server.port,
    'POST /hook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"a":',
  );
  expect(body.answer).toMatch(/^HTTP\/1\.1 408/);
  expect(body.closedAfterMs).toBeLessThan(3000);
  const headers = await halfSend(server.port, 'POST /hook HTTP/1.1\r\nHost: x\r\nX-Slow: ');
  expect(headers.answer).toMatch(/^HTTP\/1\.1 408/);
  expect(headers.closedAfterMs).toBeLessThan(3000);
  // a whole request still gets its answer
  const ok = await fetch(`http://127.0.0.1:${server.port}/hook`, { method: 'POST', body: '{"a":1}' });
  expect(await ok.json()).toEqual({ size: 7 });
});
