import type { PreviewAvailability } from '@/lib/domain/availability';
import { type OperationAction, OperationDialog } from './operation-dialog';

export interface PreviewOperations {
  reseed: OperationAction;
  delete: OperationAction;
}

/** Reseed database and Delete preview for one preview, each through its confirm dialog. */
export function PreviewActions({
  preview,
  availability,
  operations,
  size = 'sm',
}: {
  preview: { id: number; name: string; dbBranchName: string | null; gitBranch: string };
  availability: PreviewAvailability;
  operations: PreviewOperations;
  size?: 'sm' | 'md';
}) {
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
        <p>The pull request itself stays as it is.</p>
      </OperationDialog>
    </div>
  );
}
