import { type PinActions, PinControls } from '@/components/controls/pin-controls';
import type { PreviewAvailability } from '@/lib/domain/availability';
import type { PinView } from '@/lib/domain/pins';
import { type OperationAction, OperationDialog } from './operation-dialog';

export interface PreviewOperations {
  reseed: OperationAction;
  delete: OperationAction;
  provisionAgain: OperationAction;
  /** Pin and unpin, when the page offers them. */
  pinning?: PinActions;
}

export interface PreviewSubject {
  id: number;
  name: string;
  dbBranchName: string | null;
  gitBranch: string;
  /** Whether its pull request is open: then a deletion holds until the next push. */
  pullRequestOpen: boolean;
  /** The pin that holds on it now, if any. */
  pin: PinView | null;
}

/**
 * Reseed database, Pin and Delete preview for one live preview, each through its confirm dialog;
 * Provision again for a deleted one.
 */
export function PreviewActions({
  preview,
  availability,
  operations,
  size = 'sm',
}: {
  preview: PreviewSubject;
  availability: PreviewAvailability;
  operations: PreviewOperations;
  size?: 'sm' | 'md';
}) {
  if (availability.provisionAgain) {
    return (
      <div className="flex flex-wrap items-start gap-2" data-testid="preview-actions">
        <OperationDialog
          label="Provision again"
          title={`Provision ${preview.name} again`}
          availability={availability.provisionAgain}
          action={operations.provisionAgain}
          fields={{ environmentId: preview.id }}
          submitLabel="Provision again"
          size={size}
        >
          <p>
            envboard creates the Neon branch{' '}
            <span className="font-mono text-ink">preview/{preview.gitBranch}</span> again from the
            project&apos;s default branch, sets the branch&apos;s DATABASE_URL and updates the pull
            request&apos;s comment, as it does after a push. Vercel builds the preview on the next
            push.
          </p>
        </OperationDialog>
      </div>
    );
  }
  const branch = preview.dbBranchName ? (
    <span className="font-mono text-ink">{preview.dbBranchName}</span>
  ) : (
    'its database branch'
  );
  return (
    <div className="flex flex-wrap items-start gap-2" data-testid="preview-actions">
      <OperationDialog
        label="Reseed database"
        title={`Reseed the database of ${preview.name}`}
        availability={availability.reseed}
        action={operations.reseed}
        fields={{ environmentId: preview.id }}
        submitLabel="Reset and reseed"
        size={size}
      >
        <p>
          The Neon branch {branch} is reset to its parent&apos;s current data: everything written to
          it since it was created or last reset is lost. Then the project&apos;s seed hook runs, if
          one is set, and the pull request&apos;s comment says so.
        </p>
      </OperationDialog>
      {operations.pinning && availability.pin ? (
        <PinControls
          preview={preview}
          pin={preview.pin}
          availability={availability.pin}
          actions={operations.pinning}
          size={size}
        />
      ) : null}
      <OperationDialog
        label="Delete preview"
        title={`Delete ${preview.name}`}
        availability={availability.delete}
        action={operations.delete}
        fields={{ environmentId: preview.id }}
        submitLabel="Delete preview"
        tone="danger"
        size={size}
      >
        <p>This deletes, and cannot be undone:</p>
        <ul className="list-disc pl-5">
          <li>
            every Vercel preview deployment of{' '}
            <span className="font-mono text-ink">{preview.gitBranch}</span>;
          </li>
          <li>the Neon branch {branch} and its data;</li>
          <li>the preview environment (its history stays in the audit log).</li>
        </ul>
        <p data-testid="delete-afterwards">
          {preview.pullRequestOpen ? (
            <>
              The pull request stays open, and its preview stays deleted: envboard provisions it
              again only after the next push to{' '}
              <span className="font-mono text-ink">{preview.gitBranch}</span>, or when someone
              chooses Provision again.
            </>
          ) : (
            <>The pull request is closed; if it is reopened, envboard provisions a new preview.</>
          )}
        </p>
      </OperationDialog>
    </div>
  );
}
