// Tasks with their agencies (lead, coordinators), by id: one joined statement (Prisma's include would be two).
import { sqlList, type Db } from '../../db/client.ts';

export type TaskAgencyRow = { id: unknown; text: string; addressee: string | null; agencyId: unknown; role: string | null };

/** One row per task and agency (one with no agency for a task without), by task, then link. */
export const findTaskAgencies = (db: Db, ids: number[]) =>
  db.$queryRaw<TaskAgencyRow[]>`
    SELECT t."id", t."text", t."addressee", ta."agencyId", ta."role"
    FROM "Task" t LEFT JOIN "TaskAgency" ta ON ta."taskId" = t."id"
    WHERE t."id" IN (${sqlList([...new Set(ids)])})
    ORDER BY t."id", ta."id"`;
