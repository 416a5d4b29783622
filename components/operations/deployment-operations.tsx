import type { DeploymentAvailability } from '@/lib/domain/availability';
import { ApprovalNote, CommitLabel, type CommitRef, FromTo } from './change-summary';
import { type OperationAction, OperationDialog } from './operation-dialog';
import { RunbookLink } from '@/components/runbooks/runbook-link';

/** What the deployment tables need to offer promote and roll back on their rows. */
export interface DeploymentOperations {
  availability: Map<number, DeploymentAvailability>;
  requestPromotion: OperationAction;
  rollback: OperationAction;
  requireApproval: boolean;
  /** What production serves now, for the dialogs' "from". */
  productionName: string;
  served: CommitRef | null;
}

/**
 * Promote (a ready staging build) or Roll back to this (an earlier production deployment), each
 * through its confirm dialog; nothing for rows that offer neither.
 */
export function DeploymentRowActions({
  row,
  operations,
}: {
  row: CommitRef & { id: number };
  operations: DeploymentOperations;
}) {
  const offer = operations.availability.get(row.id);
  if (!offer) return null;
  const from = <CommitLabel commit={operations.served} />;
  const to = <CommitLabel commit={row} />;
  if (offer.promote) {
    return (
      <OperationDialog
        label="Promote"
        title={`Promote to ${operations.productionName}`}
        availability={offer.promote}
        action={operations.requestPromotion}
        fields={{ deploymentId: row.id }}
        reason="required"
        submitLabel={operations.requireApproval ? 'Request promotion' : 'Promote now'}
        tone="primary"
        size="sm"
      >
        <FromTo from={from} to={to} />
        <p>
          Vercel will serve this staging build as {operations.productionName}. The gate (required
          checks, validated migrations, no freeze) is checked again on the server before it runs.
        </p>
        <ApprovalNote required={operations.requireApproval} />
      </OperationDialog>
    );
  }
  if (!offer.rollback) return null;
  return (
    <OperationDialog
      label="Roll back to this"
      title={`Roll ${operations.productionName} back to this deployment`}
      availability={offer.rollback}
      action={operations.rollback}
      fields={{ targetDeploymentId: row.id }}
      reason="required"
      submitLabel="Roll back now"
      tone="danger"
      size="sm"
    >
      <FromTo from={from} to={to} />
      <RollbackNotes productionName={operations.productionName} />
    </OperationDialog>
  );
}

/** What a rollback does beyond switching deployments, and the database restore choice. */
export function RollbackNotes({ productionName }: { productionName: string }) {
  return (
    <>
      <p>
        Runs at once, without approval: Vercel switches {productionName} back instantly and{' '}
        {productionName} stays pinned to that deployment until the next promotion.
      </p>
      <p>
        Who decides, what to check afterwards and when to escalate: the{' '}
        <RunbookLink name="rollback" />.
      </p>
      <label className="flex items-start gap-2 text-ink">
        <input type="checkbox" name="restoreDatabase" className="mt-1" />
        <span>
          Also restore the {productionName} database to just before the current deployment went
          live. Data written since then is not lost: Neon keeps it in a backup branch.
        </span>
      </label>
    </>
  );
}
