// The console channel in line mode: one message per line, numbered choices answered by number or label.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ConsoleChannel, runConsole } from '../../../src/channels/console/console.ts';
import type { InboundMessage, OutboundMessage } from '../../../src/core/types.ts';

async function drive(lines: string[], reply: (m: InboundMessage) => OutboundMessage[], echo = false) {
  const input = new PassThrough();
  const output = new PassThrough();
  let out = '';
  output.on('data', (d: Buffer) => (out += d.toString('utf8')));
  const seen: InboundMessage[] = [];
  input.end(lines.join('\n'));
  await runConsole(async (m) => (seen.push(m), reply(m)), { input, output, userId: 'u1', interactive: false, echo });
  return { out, seen };
}

const ask: OutboundMessage = {
  text: 'Tình trạng?',
  choices: [
    { id: 'st:a', label: 'Chưa triển khai' },
    { id: 'st:b', label: 'Hoàn thành' },
  ],
};

describe('runConsole (line mode)', () => {
  it('prints replies with numbered choices and maps a typed number or label back to the choice', async () => {
    const { out, seen } = await drive(['hỏi', '2', 'chưa triển khai', '7'], () => [ask]);
    expect(out).toContain('Tình trạng?\n  1. Chưa triển khai\n  2. Hoàn thành\n');
    expect(seen.map((m) => [m.text, m.choice])).toEqual([
      ['hỏi', undefined],
      ['Hoàn thành', 'st:b'],
      ['Chưa triển khai', 'st:a'],
      ['7', undefined], // not an option: passed on as typed
    ]);
    expect(seen[0]).toMatchObject({ channel: 'console', userId: 'u1', chatId: 'u1' });
  });

  it('skips blank lines, handles lines in order and ends at EOF; echo makes a transcript', async () => {
    const { out } = await drive(
      ['a', '', '   ', 'b'],
      (m) => [{ text: `nhận ${m.text}`, citation: { document: '17/CT-UBND', province: 'Quảng Ngãi', section: 'Điều 2' } }],
      true,
    );
    expect(out).toBe('> a\nnhận a\nNguồn: 17/CT-UBND (Quảng Ngãi), Điều 2\n> b\nnhận b\nNguồn: 17/CT-UBND (Quảng Ngãi), Điều 2\n');
  });
});

describe('runConsole (interactive)', () => {
  it('greets, prompts with "> " and answers until the input ends', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let out = '';
    output.on('data', (d: Buffer) => (out += d.toString('utf8')));
    input.end('xin chào\n');
    await runConsole(async (m) => [{ text: `Chào, bạn gõ: ${m.text}` }], { input, output, interactive: true });
    expect(out).toContain('Ctrl-D để thoát');
    expect(out).toContain('> ');
    expect(out).toContain('Chào, bạn gõ: xin chào');
  });
});

describe('ConsoleChannel adapter', () => {
  it('prints proactive messages with their recipient', async () => {
    const output = new PassThrough();
    let out = '';
    output.on('data', (d: Buffer) => (out += d.toString('utf8')));
    const ch = new ConsoleChannel({ input: new PassThrough(), output, interactive: false });
    expect(ch.name).toBe('console');
    expect(await ch.send('u7', [{ text: 'Nhắc: hạn nộp báo cáo quý IV/2026 là 10/01/2027.' }])).toEqual({ ok: true });
    expect(out).toBe('[Tin nhắn tới u7]\nNhắc: hạn nộp báo cáo quý IV/2026 là 10/01/2027.\n');
  });
});
