import { PendingApprovals } from '@/components/operations/pending-approvals';
import { getDatabase } from '@/db/client';
import type { Project } from '@/db/schema';
import { requireRole } from '@/lib/auth';
import { hasRole } from '@/lib/domain/roles';
import { pendingApprovals } from '@/lib/operations/board';
import { approvePromotionAction, rejectPromotionAction } from '@/app/(board)/actions/approval';

/** Promotions waiting for a second release manager; they decide here. */
export async function ApprovalsWidget({ project, now }: { project: Project; now: Date }) {
  const actor = await requireRole('viewer');
  const approvals = await pendingApprovals(getDatabase(), project.id, actor.userId);
  return (
    <PendingApprovals
      approvals={approvals}
      canDecide={hasRole(actor.role, 'release_manager')}
      approve={approvePromotionAction}
      reject={rejectPromotionAction}
      now={now}
    />
  );
}
