import { CommitLabel, type CommitRef, FromTo } from '@/components/operations/change-summary';
import { RollbackNotes } from '@/components/operations/deployment-operations';
import { type OperationAction, OperationDialog } from '@/components/operations/operation-dialog';
import type { Availability } from '@/lib/domain/availability';
import { commitTitle } from '@/lib/domain/incident-links';

/** What the page offers a release manager on an open production incident. */
export interface IncidentRollbackOffer {
  /** The incident row it belongs to (environment id and start). */
  incidentKey: string;
  productionName: string;
  served: CommitRef | null;
  target: CommitRef & { id: number };
  availability: Availability;
  /** Written from the incident; the release manager may edit it. */
  reason: string;
  action: OperationAction;
}

/** "Roll back to <previous>": the rollback dialog with its target chosen and reason written. */
export function IncidentRollback({ offer }: { offer: IncidentRollbackOffer }) {
  return (
    <OperationDialog
      label={`Roll back to ${commitTitle(offer.target.commitMessage)}`}
      title={`Roll ${offer.productionName} back`}
      availability={offer.availability}
      action={offer.action}
      fields={{ targetDeploymentId: offer.target.id }}
      reason="required"
      defaultReason={offer.reason}
      submitLabel="Roll back now"
      tone="danger"
      size="sm"
    >
      <FromTo
        from={<CommitLabel commit={offer.served} />}
        to={<CommitLabel commit={offer.target} />}
      />
      <RollbackNotes productionName={offer.productionName} />
    </OperationDialog>
  );
}
