// A minimal RFC 6455 WebSocket server end for test fakes (the `ws` package is not installed here).
// Handles the upgrade handshake, text frames, ping → pong, and the close handshake. No extensions,
// no fragmentation of outgoing frames; incoming fragmented text messages are reassembled.
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export interface WsPeer {
  readonly url: string;
  readonly open: boolean;
  send(text: string): void;
  /** Starts the close handshake (the peer answers with its own close frame). */
  close(code?: number): void;
  /** Drops the TCP connection without a close frame. */
  destroy(): void;
  onMessage(fn: (text: string) => void): void;
  onClose(fn: () => void): void;
}

function frame(opcode: number, payload: Buffer): Buffer {
  const len = payload.length;
  const head = len < 126 ? Buffer.alloc(2) : len < 65536 ? Buffer.alloc(4) : Buffer.alloc(10);
  head[0] = 0x80 | opcode;
  if (len < 126) head[1] = len;
  else if (len < 65536) {
    head[1] = 126;
    head.writeUInt16BE(len, 2);
  } else {
    head[1] = 127;
    head.writeBigUInt64BE(BigInt(len), 2);
  }
  return Buffer.concat([head, payload]);
}

/** Completes the handshake on an `upgrade` request and returns the peer, or null after refusing it. */
export function acceptWebSocket(req: IncomingMessage, socket: Duplex): WsPeer | null {
  const key = req.headers['sec-websocket-key'];
  if (typeof key !== 'string' || (req.headers.upgrade ?? '').toLowerCase() !== 'websocket') {
    socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    return null;
  }
  const accept = createHash('sha1')
    .update(key + GUID)
    .digest('base64');
  socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);

  let open = true;
  let closeSent = false;
  let buf = Buffer.alloc(0);
  let parts: Buffer[] = [];
  const onMsg: ((t: string) => void)[] = [];
  const onClose: (() => void)[] = [];
  const finish = () => {
    if (!open) return;
    open = false;
    for (const f of onClose) f();
  };
  const write = (opcode: number, payload: Buffer) => {
    if (!socket.destroyed && socket.writable) socket.write(frame(opcode, payload));
  };

  socket.on('data', (chunk: Buffer) => {
    buf = Buffer.concat([buf, chunk]);
    for (;;) {
      if (buf.length < 2) return;
      const fin = (buf[0]! & 0x80) !== 0;
      const opcode = buf[0]! & 0x0f;
      const masked = (buf[1]! & 0x80) !== 0;
      let len = buf[1]! & 0x7f;
      let off = 2;
      if (len === 126) {
        if (buf.length < 4) return;
        len = buf.readUInt16BE(2);
        off = 4;
      } else if (len === 127) {
        if (buf.length < 10) return;
        len = Number(buf.readBigUInt64BE(2));
        off = 10;
      }
      const maskOff = off;
      if (masked) off += 4;
      if (buf.length < off + len) return;
      const payload = Buffer.from(buf.subarray(off, off + len));
      if (masked) for (let i = 0; i < payload.length; i++) payload[i]! ^= buf[maskOff + (i % 4)]!;
      buf = buf.subarray(off + len);

      if (opcode === 0x1 || opcode === 0x0) {
        parts.push(payload);
        if (fin) {
          const text = Buffer.concat(parts).toString('utf8');
          parts = [];
          for (const f of onMsg) f(text);
        }
      } else if (opcode === 0x8) {
        if (!closeSent) write(0x8, payload.subarray(0, 2));
        closeSent = true;
        socket.end();
        finish();
      } else if (opcode === 0x9) write(0xa, payload);
    }
  });
  socket.on('close', finish);
  socket.on('error', finish);

  return {
    url: req.url ?? '',
    get open() {
      return open && !closeSent;
    },
    send: (text) => write(0x1, Buffer.from(text, 'utf8')),
    close(code = 1000) {
      if (closeSent) return;
      closeSent = true;
      const p = Buffer.alloc(2);
      p.writeUInt16BE(code, 0);
      write(0x8, p);
    },
    destroy() {
      socket.destroy();
      finish();
    },
    onMessage: (fn) => void onMsg.push(fn),
    onClose: (fn) => void onClose.push(fn),
  };
}
