// `cli ask --json` is a contract other tools read: the fields it had stay, and confidence and readings are added.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toJson } from '../../src/cli/commands/ask.ts';
import { seeded, type Seeded } from '../answers/setup.ts';

let s: Seeded;
beforeAll(async () => {
  s = await seeded();
}, 60_000);
afterAll(async () => s.close());

describe('ask --json', () => {
  it('keeps question, intent, answers and reply, and adds confidence and readings', async () => {
    const sure = JSON.parse(toJson(await s.answerer.answer('ai chủ trì xây dựng kế hoạch phát triển thương mại điện tử quảng ngãi')));
    expect(Object.keys(sure)).toEqual(['question', 'intent', 'answers', 'reply', 'confidence', 'readings']);
    expect(sure.answers[0].agency).toBe('Sở Công Thương');
    expect(Array.isArray(sure.answers[0].successors)).toBe(true);
    expect(sure.confidence).toBeGreaterThanOrEqual(0.6);
    expect(sure.readings).toEqual([]);
    const unsure = JSON.parse(toJson(await s.answerer.answer('phát triển du lịch biển đảo')));
    expect(unsure.answers).toEqual([]);
    expect(unsure.readings).toHaveLength(3);
  });
});
