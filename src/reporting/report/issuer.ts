// The body that issues a consolidated report: the regime's plan's issuer ("Sở Thông tin và Truyền thông tỉnh Cà
// Mau") as it stood at the end of the period, followed through the agencies' successions (merged 2025 → Sở Khoa học
// và Công nghệ), so a report is never headed by a body that no longer existed when it was written.
import { fold } from '../../core/text.ts';
import type { Db } from '../../db/client.ts';

const MAX_SUCCESSIONS = 5;

export async function issuingBodyOf(
  db: Db,
  regime: { documentId: number | null; province: string | null },
  periodEnd: Date,
): Promise<string | null> {
  if (regime.documentId == null) return null;
  const doc = await db.document.findUnique({ where: { id: regime.documentId }, select: { issuer: true, province: true } });
  if (!doc?.issuer) return null;
  const province = regime.province ?? doc.province;
  const issuer = fold(doc.issuer);
  const rows = await db.agency.findMany({ where: province ? { province } : {}, select: { id: true, name: true } });
  // the longest agency name the issuer starts with ("Sở Thông tin và Truyền thông" of "… tỉnh Cà Mau")
  const match = rows
    .filter((a) => issuer === fold(a.name) || issuer.startsWith(`${fold(a.name)} `))
    .sort((a, b) => b.name.length - a.name.length)[0];
  if (!match) return null;
  let current = await db.agency.findUniqueOrThrow({ where: { id: match.id }, include: { successor: true } });
  const year = periodEnd.getUTCFullYear();
  for (let i = 0; i < MAX_SUCCESSIONS && current.successor && (current.mergedYear ?? 0) <= year; i++)
    current = await db.agency.findUniqueOrThrow({ where: { id: current.successor.id }, include: { successor: true } });
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
