import { exactTime } from '@/lib/format';
import type { Availability } from '@/lib/domain/availability';
import { CommitLabel, type CommitRef, FromTo } from './change-summary';
import { RollbackNotes } from './deployment-operations';
import { type OperationAction, OperationDialog } from './operation-dialog';

export interface RollbackCandidate extends CommitRef {
  id: number;
  createdAt: Date;
}

/**
 * "Roll back…" on production: pick one of the earlier production deployments the rollback
 * accepts, optionally restore the database, give a reason.
 */
export function RollbackPanel({
  productionName,
  served,
  candidates,
  blocked,
  action,
}: {
  productionName: string;
  served: CommitRef | null;
  /** Earlier ready production deployments the rollback's preconditions accept, newest first. */
  candidates: readonly RollbackCandidate[];
  /** Why no rollback can start now (another operation holds production), if so. */
  blocked?: string;
  action: OperationAction;
}) {
  const availability: Availability = blocked
    ? { allowed: false, reason: blocked }
    : candidates.length === 0
      ? {
          allowed: false,
          reason: `${productionName} has no earlier ready deployment to roll back to`,
        }
      : { allowed: true };
  return (
    <OperationDialog
      label="Roll back…"
      title={`Roll ${productionName} back`}
      availability={availability}
      action={action}
      fields={{}}
      reason="required"
      submitLabel="Roll back now"
      tone="danger"
    >
      <FromTo
        from={<CommitLabel commit={served} />}
        to={
          <label className="flex flex-col gap-1">
            <span className="sr-only">Deployment to roll back to</span>
            <select
              name="targetDeploymentId"
              required
              className="w-full rounded-md border border-border-strong bg-surface px-2 py-1 text-ink"
            >
              {candidates.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.commitSha.slice(0, 7)} {candidate.commitMessage} ·{' '}
                  {exactTime(candidate.createdAt)}
                </option>
              ))}
            </select>
          </label>
        }
      />
      <RollbackNotes productionName={productionName} />
    </OperationDialog>
  );
}
