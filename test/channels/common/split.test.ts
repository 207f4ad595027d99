import { describe, expect, it } from 'vitest';
import { escapeSlack, escapeTelegramHtml } from '../../../src/channels/common/escape.ts';
import { citationLine, pickNumbered, textWithCitation } from '../../../src/channels/common/format.ts';
import { splitMessage } from '../../../src/channels/common/split.ts';

const words = (n: number, w = 'nhiệm-vụ') => Array.from({ length: n }, (_, i) => `${w}${i}`).join(' ');

describe('splitMessage', () => {
  it('keeps short text whole and drops nothing from long text', () => {
    expect(splitMessage('Xin chào', 100)).toEqual(['Xin chào']);
    const text = words(800);
    const parts = splitMessage(text, 500);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.join(' ')).toBe(text);
  });

  it('never cuts a word', () => {
    const text = words(800);
    const all = new Set(text.split(' '));
    for (const p of splitMessage(text, 333)) {
      expect(p.length).toBeLessThanOrEqual(333);
      for (const w of p.split(/\s+/)) expect(all.has(w)).toBe(true);
    }
  });

  it('prefers line boundaries: lines that fit are never broken', () => {
    const lines = Array.from({ length: 40 }, (_, i) => `${i + 1}. Sở ${i} chủ trì triển khai nhiệm vụ số ${i}.`);
    const parts = splitMessage(lines.join('\n'), 300);
    const back = parts.flatMap((p) => p.split('\n'));
    expect(back).toEqual(lines);
  });

  it('never splits a citation line, and keeps it with the paragraph it closes', () => {
    const cite = citationLine({ document: '17/CT-UBND', province: 'Quảng Ngãi', section: 'Điều 2.5.b' });
    const answer = textWithCitation({
      text: `${words(60)}\n${words(30, 'đoạn')}`,
      citation: { document: '17/CT-UBND', province: 'Quảng Ngãi', section: 'Điều 2.5.b' },
    });
    for (const limit of [120, 250, 400, 700]) {
      const parts = splitMessage(answer, limit);
      const holder = parts.find((p) => p.includes('Nguồn:'))!;
      expect(holder.split('\n')).toContain(cite);
      for (const p of parts) expect(p.length).toBeLessThanOrEqual(limit);
    }
    // When the last paragraph fits with it, the citation stays attached to that paragraph.
    const parts = splitMessage(answer, 500);
    expect(parts.at(-1)!.endsWith(`\n${words(30, 'đoạn')}\n${cite}`)).toBe(true);
  });

  it('cuts a single word longer than the limit rather than looping or losing text', () => {
    const long = 'x'.repeat(130);
    const parts = splitMessage(`a ${long} b`, 50);
    expect(parts.join('').replace(/\s/g, '')).toBe(`a${long}b`);
    expect(parts[0]).toBe('a');
    expect(parts.at(-1)!.endsWith(' b')).toBe(true);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(50);
  });
});

describe('escaping and numbered choices', () => {
  it('escapes Slack mrkdwn and Telegram HTML control characters', () => {
    expect(escapeSlack('Sở TT&TT <b> > 5')).toBe('Sở TT&amp;TT &lt;b&gt; &gt; 5');
    expect(escapeTelegramHtml('a & "b" <c>')).toBe('a &amp; &quot;b&quot; &lt;c&gt;');
  });

  it('maps a typed number back to the offered choice', () => {
    const choices = [
      { id: 'a', label: 'Xác nhận' },
      { id: 'b', label: 'Bỏ qua' },
    ];
    expect(pickNumbered(' 2 ', choices)).toEqual(choices[1]);
    expect(pickNumbered('3', choices)).toBeUndefined();
    expect(pickNumbered('2 hộ', choices)).toBeUndefined();
    expect(pickNumbered('1', undefined)).toBeUndefined();
  });
});
