// The scope guard's province rule: a coordinator's own province in any spelling, and the units merged into it
// from the date of the merger; an admin without a province everywhere; officials nowhere.
import { expect, it } from 'vitest';
import { inScope, scopeProvinces } from '../../src/users/scope.ts';
import type { BotUser } from '../../src/users/users.ts';

const user = (role: BotUser['role'], province: string | null): BotUser => ({
  id: 1,
  name: null,
  role,
  province,
  agency: null,
  locale: 'vi',
});
const after = new Date('2026-12-01T00:00:00Z');
const before = new Date('2025-01-01T00:00:00Z');

it('a Cà Mau coordinator covers "tỉnh Cà Mau" and, after the merger, Bạc Liêu; never Hà Nội', () => {
  const c = user('coordinator', 'Cà Mau');
  expect([inScope(c, 'tỉnh Cà Mau', after), inScope(c, 'Bạc Liêu', after), inScope(c, 'Hà Nội', after)]).toEqual([true, true, false]);
  expect(inScope(c, 'Bạc Liêu', before)).toBe(false);
  expect(scopeProvinces(c, after)).toEqual(['Cà Mau', 'Bạc Liêu']);
  expect(inScope(c, null, after)).toBe(true); // a regime set up for no one province
});

it('an admin without a province acts everywhere; an official through this guard nowhere', () => {
  expect(inScope(user('admin', null), 'Hà Nội', after)).toBe(true);
  expect(inScope(user('official', 'Cà Mau'), 'Cà Mau', after)).toBe(false);
});
