// The body that issues the consolidated report (issue 18): the plan's issuer as it is at the end of the period,
// so a 2026 report of a 2013 plan of Sở TT&TT is headed by Sở Khoa học và Công nghệ (merged 01/3/2025), not by
// a Sở that no longer exists; a 2014 report keeps Sở TT&TT.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPeriod } from '../../../src/reporting/period-service.ts';
import { buildConsolidatedReport } from '../../../src/reporting/report/build.ts';
import { abbreviationOf } from '../../../src/reporting/report/issuer.ts';
import { renderDocx } from '../../../src/reporting/report/render/docx.ts';
import { loadRegimeFolder } from '../../../src/reporting/regime-folder.ts';
import { CODE, openCaMau37, SHIPPED, type CaMau } from '../ca-mau-37.ts';
import { docxParagraphs } from './docx-xml.ts';

let cm: CaMau;
beforeAll(async () => {
  cm = await openCaMau37();
  copyFileSync(SHIPPED, join(cm.regimesDir, `${CODE}.yaml`));
  expect(await loadRegimeFolder(cm.app, cm.regimesDir)).toMatchObject({ errors: [] });
  await openPeriod(cm.app, CODE, '2014-Q1');
  await openPeriod(cm.app, CODE, '2026-Q3');
}, 60_000);
afterAll(async () => cm.close());

const header = async (period: string) => {
  const r = await buildConsolidatedReport(cm.app.db, { regime: CODE, period });
  return (await docxParagraphs(await renderDocx(r))).paras.slice(0, 12);
};

describe('the issuing body of the written report', () => {
  it("is the plan's issuer today: Sở Khoa học và Công nghệ for a 2026 period, with its abbreviation in the number", async () => {
    const top = await header('2026-Q3');
    expect(top).toContain('SỞ KHOA HỌC VÀ CÔNG NGHỆ');
    expect(top).not.toContain('SỞ THÔNG TIN VÀ TRUYỀN THÔNG');
    expect(top.find((p) => p.startsWith('Số:'))).toBe('Số: …/BC-SKHCN');
  });

  it("is the plan's issuer as it was for a period before the merger", async () => {
    const top = await header('2014-Q1');
    expect(top).toContain('SỞ THÔNG TIN VÀ TRUYỀN THÔNG');
    expect(top.find((p) => p.startsWith('Số:'))).toBe('Số: …/BC-STTTT');
  });
});

describe('abbreviationOf', () => {
  it('gives the initials used in document numbers', () => {
    expect(abbreviationOf('Sở Khoa học và Công nghệ')).toBe('SKHCN');
    expect(abbreviationOf('Sở Thông tin và Truyền thông')).toBe('STTTT');
    expect(abbreviationOf('Ủy ban nhân dân tỉnh Cà Mau')).toBe('UBND');
  });
});
