// Database checks run after the golden transcript of the same name: what the conversation must have stored.
import { expect } from 'vitest';
import type { Seeded } from './seed.ts';
import { NOW } from './seed.ts';

async function q4Answers(seed: Seeded, agencyKey: string) {
  const agency = await seed.app.db.agency.findUniqueOrThrow({ where: { key: agencyKey } });
  const items = await seed.app.db.regimeItem.findMany({ where: { agencyId: agency.id }, orderBy: { ord: 'asc' } });
  const sub = await seed.app.db.submission.findUnique({
    where: { periodId_agencyId: { periodId: seed.periodId, agencyId: agency.id } },
    include: { answers: true },
  });
  const byN = items.map((it) => sub?.answers.find((a) => a.itemId === it.id) ?? null);
  return { agency, items, sub, byN };
}

export const dbChecks: Record<string, (seed: Seeded) => Promise<void>> = {
  async '06-spoken-answers'(seed) {
    const { sub, byN } = await q4Answers(seed, 'so-tttt@ca-mau');
    expect(sub?.status).toBe('submitted');
    expect(byN.map((a) => [a?.value, a?.status, a?.note, a?.skipped])).toEqual([
      [85.5, null, null, false],
      [null, 'no_data', 'chưa tổng hợp xong', false], // 125 first, then replaced by the state
      [500, null, 'như kỳ trước', false],
      [null, 'dang_trien_khai', null, false],
    ]);
    expect(byN[3]?.percentDone).toBe(70);
  },
  async '02-full-form'(seed) {
    const { sub, byN, items } = await q4Answers(seed, 'so-tttt@ca-mau');
    expect(sub).toMatchObject({ status: 'submitted', submittedAt: new Date(NOW) });
    expect(byN.map((a) => a?.value ?? a?.status)).toEqual([90, 150, 2000, 'dang_trien_khai']);
    expect(byN[2]?.note).toBe('Bổ sung vốn đầu tư công cuối năm');
    expect(byN[3]).toMatchObject({ percentDone: 60, note: 'Đang nhập dữ liệu' });
    // the correction after submitting is in the audit trail: old value, new value, who, which channel, when
    const trail = await seed.app.db.auditLog.findMany({
      where: { entity: 'Answer', entityId: `${sub!.id}:${items[0]!.id}` },
      orderBy: { id: 'asc' },
    });
    const last = trail[trail.length - 1]!;
    expect(last).toMatchObject({ action: 'answer.set', channel: 'console', at: new Date(NOW) });
    expect(JSON.parse(last.oldValue!)).toMatchObject({ value: 85.5 });
    expect(JSON.parse(last.newValue!)).toMatchObject({ value: 90, valueText: '90' });
    const user = await seed.app.db.user.findUniqueOrThrow({ where: { id: last.userId! }, include: { identities: true } });
    expect(user.identities[0]).toMatchObject({ channel: 'console', externalId: 'console-user' });
    const submitted = await seed.app.db.auditLog.findFirst({ where: { action: 'submission.submit', entityId: String(sub!.id) } });
    expect(submitted).not.toBeNull();
  },
  async '08-english-form'(seed) {
    const { sub, byN } = await q4Answers(seed, 'so-tttt@ca-mau');
    expect(sub).toMatchObject({ status: 'submitted', submittedAt: new Date(NOW) });
    expect(byN.map((a) => a?.value ?? a?.status)).toEqual([85.5, 150, 2000, 'dang_trien_khai']);
    expect(byN[2]?.note).toBe('Extra public investment at the end of the year');
    expect(byN[3]).toMatchObject({ percentDone: 60, note: 'Entering the data' });
    const user = await seed.app.db.user.findFirstOrThrow({ where: { identities: { some: { externalId: 'console-user' } } } });
    expect(user.locale).toBe('en');
  },
  async '03-restart'(seed) {
    const { byN, sub } = await q4Answers(seed, 'so-tttt@ca-mau');
    expect(sub?.status).toBe('draft');
    expect(byN.map((a) => a?.value ?? a?.status)).toEqual([85, 130, 2100, 'hoan_thanh']);
    expect(byN[2]?.note).toBe('giải ngân bổ sung');
  },
  async '04-other-agency'(seed) {
    const tttt = await q4Answers(seed, 'so-tttt@ca-mau');
    expect(tttt.sub).toBeNull(); // nothing written for the agency the official does not belong to
    const tc = await q4Answers(seed, 'so-tc@ca-mau');
    expect(tc.sub?.status).toBe('submitted');
    expect(tc.byN[0]?.value).toBe(95);
  },
  async '05-locked'(seed) {
    const { byN, sub } = await q4Answers(seed, 'so-tttt@ca-mau');
    // the reopen from chat is audited with who did it and from which channel; sending again locks it again
    const coord = await seed.app.db.user.findFirstOrThrow({ where: { role: 'coordinator' } });
    const reopen = await seed.app.db.auditLog.findFirst({ where: { action: 'period.reopen', entityId: String(sub!.id) } });
    expect(reopen).toMatchObject({ userId: coord.id, channel: 'console' });
    expect(coord.name).toBe('Lê Văn Cường');
    expect(sub).toMatchObject({ status: 'submitted', reopenedAt: null });
    expect(byN[0]?.value).toBe(80);
    expect(byN[1]?.value).toBe(100); // refused while locked, accepted once the coordinator reopened
  },
};
