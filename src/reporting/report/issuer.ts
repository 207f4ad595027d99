// The body that issues a consolidated report: the regime's plan's issuer ("Sở Thông tin và Truyền thông tỉnh Cà
// Mau") as it stood at the end of the period, followed through the agencies' successions (merged 2025 → Sở Khoa học
// và Công nghệ), so a report is never headed by a body that no longer existed when it was written.
import { fold } from '../../core/text.ts';
import type { Db } from '../../db/client.ts';
import { findDocumentIssuer } from '../repo/documents.ts';
import { findAgencyNames, findAgencyWithSuccessor } from '../repo/people.ts';

const MAX_SUCCESSIONS = 5;

export async function issuingBodyOf(
  db: Db,
  regime: { documentId: number | null; province: string | null },
  periodEnd: Date,
): Promise<string | null> {
  if (regime.documentId == null) return null;
  const doc = await findDocumentIssuer(db, regime.documentId);
  if (!doc?.issuer) return null;
  const province = regime.province ?? doc.province;
  const issuer = fold(doc.issuer);
  const rows = await findAgencyNames(db, province);
  // the longest agency name the issuer starts with ("Sở Thông tin và Truyền thông" of "… tỉnh Cà Mau")
  const match = rows
    .filter((a) => issuer === fold(a.name) || issuer.startsWith(`${fold(a.name)} `))
    .sort((a, b) => b.name.length - a.name.length)[0];
  if (!match) return null;
  let current = await findAgencyWithSuccessor(db, match.id);
  const year = periodEnd.getUTCFullYear();
  for (let i = 0; i < MAX_SUCCESSIONS && current.successor && (current.mergedYear ?? 0) <= year; i++)
    current = await findAgencyWithSuccessor(db, current.successor.id);
  return current.name;
}

/** "Sở Khoa học và Công nghệ" → "SKHCN", "Sở Thông tin và Truyền thông" → "STTTT": the initials used in numbers. */
export function abbreviationOf(name: string): string {
  if (/^(ủy|uỷ) ban nhân dân\b/i.test(name)) return 'UBND';
  return fold(name)
    .split(/[\s,-]+/)
    .filter((w) => w && w !== 'va')
    .map((w) => w[0]!.toUpperCase())
    .join('');
}
