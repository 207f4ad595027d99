// An owner question names the kind of agency it asks for ("sở nào", "bộ nào"): the answer is of that kind when a task
// led by one matches nearly as well, and "bộ nào" is an owner question, not a search. A task addressed to a group
// says to whom. Over a made-up plan (test/answers/fixtures), not a real text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import { seeded, type Seeded } from './setup.ts';

const PLAN = 'test/answers/fixtures/ca-mau-2026-ke-hoach-rung-ngap-man.txt';
let s: Seeded;
beforeAll(async () => {
  s = await seeded([PLAN], { clock: new ManualClock(new Date('2026-12-01T03:00:00Z')) });
}, 60_000);
afterAll(async () => s.close());

describe('the kind of agency asked', () => {
  it('"sở nào" gets the Sở that leads it, though a district task holds more of the words', async () => {
    const r = await s.answerer.answer('sở nào chủ trì tổ chức trồng rừng ngập mặn ven biển ở Cà Mau');
    expect(r.intent).toBe('owner');
    expect(r.answers[0]!.agency).toBe('Sở Nông nghiệp và Môi trường');
    expect(r.reply.split('\n')[0]).toMatch(/^Sở Nông nghiệp và Môi trường chủ trì/);
  });

  it('"ai" asks for no kind: the best task stays first', async () => {
    const r = await s.answerer.answer('ai chủ trì tổ chức trồng rừng ngập mặn ven biển ở Cà Mau');
    expect(r.answers[0]!.agency).not.toBe('Sở Nông nghiệp và Môi trường');
    expect(r.answers[0]!.document.number).toBe('912/KH-UBND');
  });

  it('"bộ nào" is an owner question, with or without diacritics', () => {
    expect(s.answerer.classify('Bộ nào phải hoàn thiện hồ sơ nghiên cứu sân bay?')).toBe('owner');
    expect(s.answerer.classify('bo nao phai hoan thien nghi dinh danh gia can bo')).toBe('owner');
  });
});

describe('a task addressed to a group', () => {
  it('names the group in the item (agency stays null: the text names none)', async () => {
    const r = await s.answerer.answer('ai chiu trach nhiem hoan thien mo hinh chinh phu dien tu lao cai');
    expect(r.answers[0]!.agency).toBeNull();
    expect(r.answers[0]!.addressee).toMatch(/cấp ủy/i);
  });
});
