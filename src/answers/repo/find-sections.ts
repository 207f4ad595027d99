// Section texts an answer quotes: the sections themselves, and under a bare heading its first sub-sections.
import type { Db } from '../../db/client.ts';

export const findSectionTexts = (db: Db, ids: number[]) =>
  db.section.findMany({ where: { id: { in: ids } }, select: { id: true, heading: true, text: true } });

/** The sections among `ids` that are a heading alone (no text). */
export const findBareSections = (db: Db, ids: number[]) =>
  db.section.findMany({ where: { id: { in: ids }, text: '' }, select: { id: true } });

/** The sub-sections of these sections, in order. */
export const findChildSections = (db: Db, parentIds: number[]) =>
  db.section.findMany({
    where: { parentId: { in: parentIds } },
    orderBy: { ord: 'asc' },
    select: { parentId: true, heading: true, text: true },
  });
