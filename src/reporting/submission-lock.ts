// Locking or approving one agency's submission (the dashboard's "Khóa" / "Duyệt"): from then on lockState refuses
// every change from chat or page with the reason, until a coordinator reopens that agency. Audited.
import type { App } from '../app.ts';
import { AppError, ErrorCode } from '../core/errors.ts';
import { addAuditLog } from '../db/audit-log.ts';
import { findSubmission, upsertSubmission } from './repo/submissions.ts';

export type SubmissionAction = 'lock' | 'approve';

export async function setSubmissionLock(
  app: Pick<App, 'db' | 'clock'>,
  periodId: number,
  agencyId: number,
  action: SubmissionAction,
  by: number,
  channel: string,
) {
  const now = app.clock.now();
  const old = await findSubmission(app.db, periodId, agencyId);
  if (action === 'approve' && old?.status !== 'submitted')
    throw new AppError(ErrorCode.InvalidInput, 'Chỉ phê duyệt được báo cáo đã gửi; cơ quan này chưa gửi báo cáo.', {
      en: 'Only a sent report can be approved; this agency has not sent its report.',
    });
  const data = action === 'lock' ? { lockedAt: now, lockedById: by } : { approvedAt: now, approvedById: by };
  const sub = await upsertSubmission(app.db, periodId, agencyId, data, { status: 'draft', ...data });
  await addAuditLog(app.db, {
    at: now,
    userId: by,
    channel,
    action: `submission.${action}`,
    entity: 'Submission',
    entityId: String(sub.id),
    oldValue: JSON.stringify({ lockedAt: old?.lockedAt ?? null, approvedAt: old?.approvedAt ?? null }),
    newValue: JSON.stringify({ lockedAt: sub.lockedAt, approvedAt: sub.approvedAt }),
  });
  return sub;
}
