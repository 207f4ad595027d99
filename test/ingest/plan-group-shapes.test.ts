// A plan in the shapes of real 2025 action-month plans (test/ingest/fixtures/quang-binh-2025-…): activities given to a
// group after a time clause, a "Thời gian:" clause beside them, partners named in the "Cơ quan thực hiện" field, and
// duties whose subject is a group or a head of agency ("Giám đốc Sở Y tế").
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, tasksIn } from './helpers.ts';

const name = 'quang-binh-2025-ke-hoach-thang-hanh-dong.md';
const [plan] = parse(readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8'), name);
const who = (path: string) => tasksIn(plan!, path).map((t) => [...t.leads.map((l) => l.asWritten), t.addressee].filter(Boolean));

describe('Kế hoạch: activities of a group and their period', () => {
  it('"Căn cứ …, các cơ quan, đơn vị, địa phương phối hợp thực hiện các hoạt động sau:" gives each item to that group', () => {
    expect(who('II.1.c.-1')).toEqual([['các cơ quan, đơn vị, địa phương']]);
    expect(who('II.1.c.-2')).toEqual([['các cơ quan, đơn vị, địa phương']]);
  });

  it('the "Thời gian:" clause beside the activities is their deadline', () => {
    expect(tasksIn(plan!, 'II.1.c.-1')[0]?.deadline).toBe('Từ ngày 15/11/2025 đến ngày 15/12/2025');
  });

  it('"Cơ quan thực hiện: Sở X chủ trì, phối hợp với …" names the partners', () => {
    const [t] = tasksIn(plan!, 'II.2.a');
    expect(t?.leads.map((l) => l.asWritten)).toEqual(['Sở Công Thương']);
    expect(t?.coordinators.map((c) => c.asWritten)).toEqual(['Sở Y tế', 'Công an tỉnh', 'Ủy ban nhân dân các xã, phường']);
  });

  it('a group subject with a duty verb is a task of that group; a head of agency leads for the agency', () => {
    expect(who('III.2')).toEqual([['Các cơ quan được giao chủ trì nhiệm vụ']]);
    expect(who('III.1')).toEqual([]);
    expect(who('IV.1')).toEqual([['Sở Y tế']]);
    expect(who('IV.2')).toEqual([['các sở, ban, ngành']]);
  });

  it('partners without "các" ("cơ quan, đơn vị liên quan") and partners named by the intro of a list are kept', () => {
    expect(tasksIn(plan!, 'IV.3.a')[0]?.coordinators.map((c) => c.asWritten)).toEqual(['cơ quan, đơn vị liên quan']);
    for (const path of ['IV.3.b.-1', 'IV.3.b.-2'])
      expect(tasksIn(plan!, path)[0]?.coordinators.map((c) => c.asWritten)).toEqual(['Ủy ban nhân dân các xã, phường']);
  });
});
