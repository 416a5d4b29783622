import { Card } from '@/components/ui/card';
import { RelativeTime } from '@/components/ui/relative-time';
import { commitTitle } from '@/lib/domain/operation-names';
import { CommitLabel, type CommitRef, FromTo } from './change-summary';
import { type OperationAction, OperationDialog } from './operation-dialog';

export interface PendingApproval {
  id: number;
  requesterLogin: string | null;
  requestedByMe: boolean;
  reason: string | null;
  requestedAt: Date;
  environmentName: string;
  from: CommitRef | null;
  to: CommitRef | null;
}

const allowed = { allowed: true } as const;

/**
 * Promotions waiting for a second release manager: who asked, what, and why. A release manager
 * other than the requester may approve or reject; the requester is told it waits for someone
 * else; everyone else just sees the queue.
 */
export function PendingApprovals({
  approvals,
  canDecide,
  approve,
  reject,
  now,
}: {
  approvals: readonly PendingApproval[];
  canDecide: boolean;
  approve: OperationAction;
  reject: OperationAction;
  now: Date;
}) {
  // Nothing waiting, nothing to show: the overview stays as it was.
  if (approvals.length === 0) return null;
  return (
    <Card title="Pending approvals" className="lg:col-span-2" testId="pending-approvals">
      <ul className="divide-y divide-border">
        {approvals.map((approval) => (
          <li
            key={approval.id}
            className="flex flex-wrap items-start justify-between gap-3 py-3 first:pt-0 last:pb-0"
            data-testid="pending-approval"
          >
            <div className="flex min-w-0 flex-col gap-1 text-sm">
              <p>
                <span className="font-medium text-ink">
                  {approval.requesterLogin ?? 'envboard'}
                </span>{' '}
                asked to promote to {approval.environmentName}{' '}
                <RelativeTime date={approval.requestedAt} now={now} className="text-muted" />
              </p>
              <p className="text-muted">
                <CommitLabel commit={approval.to} />
              </p>
              {approval.reason ? (
                <p className="text-muted">
                  Reason: <span className="text-ink">{approval.reason}</span>
                </p>
              ) : null}
            </div>
            <Decision approval={approval} canDecide={canDecide} approve={approve} reject={reject} />
          </li>
        ))}
      </ul>
    </Card>
  );
}

function Decision({
  approval,
  canDecide,
  approve,
  reject,
}: {
  approval: PendingApproval;
  canDecide: boolean;
  approve: OperationAction;
  reject: OperationAction;
}) {
  if (approval.requestedByMe) {
    return (
      <p className="text-sm font-medium text-amber-800">Waiting for a second release manager</p>
    );
  }
  if (!canDecide) return <p className="text-sm text-muted">Waiting for a release manager</p>;
  const promoted = approval.to ? commitTitle(approval.to) : 'this deployment';
  const summary = (
    <FromTo
      from={<CommitLabel commit={approval.from} />}
      to={<CommitLabel commit={approval.to} />}
    />
  );
  return (
    <div className="flex gap-2">
      <OperationDialog
        label="Approve"
        title={`Approve the promotion of ${promoted}`}
        availability={allowed}
        action={approve}
        fields={{ operationId: approval.id }}
        reason="required"
        submitLabel="Approve and promote"
        tone="primary"
        size="sm"
      >
        {summary}
        <p>
          Approving runs the promotion now: the gate is checked again, then Vercel serves this build
          as {approval.environmentName}.
        </p>
      </OperationDialog>
      <OperationDialog
        label="Reject"
        title={`Reject the promotion of ${promoted}`}
        availability={allowed}
        action={reject}
        fields={{ operationId: approval.id }}
        reason="required"
        submitLabel="Reject"
        tone="danger"
        size="sm"
      >
        {summary}
        <p>
          The request ends rejected with your reason; {approval.environmentName} does not change.
        </p>
      </OperationDialog>
    </div>
  );
}
