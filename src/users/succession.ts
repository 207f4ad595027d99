// People and pending invites of an agency that no longer exists move to the agency that carries its duties today
// (an official of Sở TT&TT Cà Mau is an official of Sở KH&CN Cà Mau since 01/3/2025). Run at every start, after the
// regimes are loaded; each move is audited and said in the log, and nothing moves twice.
import type { App } from '../app.ts';
import { addAuditLog } from '../db/audit-log.ts';
import { inTransaction } from '../db/transaction.ts';
import { findAgenciesWithPeople } from './repo/agencies.ts';
import { moveAgencyInvites } from './repo/invites.ts';
import { findAgencyUserIds, findProvinceCoordinators, moveAgencyUsers, updateUser } from './repo/users.ts';
import { provinces } from '../ingest/provinces.ts';
import { currentAgency, describeChange } from './agency.ts';

export interface SuccessionMoves {
  users: number;
  invites: number;
  notes: string[]; // one sentence per agency moved, for the admin
}

export async function moveToSuccessors(app: Pick<App, 'db' | 'registry' | 'clock' | 'log'>): Promise<SuccessionMoves> {
  const now = app.clock.now();
  const out: SuccessionMoves = { users: 0, invites: 0, notes: [] };
  const agencies = await findAgenciesWithPeople(app.db);
  for (const a of agencies) {
    const def = app.registry.get(a.baseKey);
    const moved = def && app.registry.successorOn(a.baseKey, { on: now });
    const provinceMoved = a.province && provinces().today(a.province, now) !== a.province;
    if (!moved && !provinceMoved) continue;
    const { row, change } = await currentAgency(app, a.key, a.province);
    if (!change || row.id === a.id) continue;
    await inTransaction(app.db, async (tx) => {
      const users = await findAgencyUserIds(tx, a.id);
      await moveAgencyUsers(tx, a.id, row);
      const invites = await moveAgencyInvites(tx, a.id, row);
      for (const u of users) {
        await addAuditLog(tx, {
          userId: null,
          channel: 'system',
          action: 'user.agency_succession',
          entity: 'User',
          entityId: String(u.id),
          oldValue: JSON.stringify({ agency: a.key }),
          newValue: JSON.stringify({ agency: row.key, basis: change.basis, since: change.since }),
        });
      }
      out.users += users.length;
      out.invites += invites;
    });
    const note = `${describeChange(change)}: cán bộ và mã mời của cơ quan cũ chuyển sang ${change.to}.`;
    out.notes.push(note);
    app.log.warn({ from: a.key, to: row.key }, note);
  }
  // Coordinators (no agency) of a former province coordinate today's.
  const coordinators = await findProvinceCoordinators(app.db);
  for (const u of coordinators) {
    const today = provinces().today(u.province!, now);
    if (today === u.province) continue;
    await inTransaction(app.db, async (tx) => {
      await updateUser(tx, u.id, { province: today });
      await addAuditLog(tx, {
        channel: 'system',
        action: 'user.province_succession',
        entity: 'User',
        entityId: String(u.id),
        oldValue: JSON.stringify({ province: u.province }),
        newValue: JSON.stringify({ province: today }),
      });
    });
    out.users++;
    out.notes.push(`Tỉnh ${u.province} nay thuộc ${today}: người điều phối #${u.id} chuyển sang ${today}.`);
  }
  return out;
}
