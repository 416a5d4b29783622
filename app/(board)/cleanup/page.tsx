import type { Metadata } from 'next';
import { ActionNotice } from '@/components/admin/action-notice';
import { CleanupCandidatesTable } from '@/components/admin/cleanup-candidates-table';
import { DeleteOrphansButton } from '@/components/admin/delete-orphans-button';
import { PageHeader } from '@/components/ui/page-header';
import { getDatabase } from '@/db/client';
import { getCurrentProject } from '@/db/queries/project';
import { requireRole } from '@/lib/auth';
import { planCleanup } from '@/lib/operations/cleanup-plan';
import { providers } from '@/lib/wiring/provider-clients';
import { cleanupSettings } from '@/lib/sync/cron-syncs';
import { describeSyncError } from '@/lib/sync/run-sync';
import { deleteListedOrphansAction } from './actions';

export const metadata: Metadata = { title: 'Cleanup' };
export const dynamic = 'force-dynamic';
// Long work (an operation's steps, a sync) runs until Vercel's limit: see lib/http/max-duration.ts.
export const maxDuration = 300;

/** Cleanup's dry run for admins: the same plan the nightly sweep computes, and a way to run it. */
export default async function CleanupPage() {
  await requireRole('admin');
  const db = getDatabase();
  const project = await getCurrentProject(db);
  let view;
  try {
    const settings = cleanupSettings();
    const plan = project && (await planCleanup(db, providers, project, new Date(), settings));
    view = { plan, maxDeletions: settings.maxDeletions };
  } catch (error) {
    view = { error: describeSyncError(error) };
  }
  return (
    <>
      <PageHeader
        title="Cleanup"
        description="What the nightly sweep would delete now, and why: closed and idle previews, and only what envboard made for a pull request that is closed, on a branch no active environment uses."
      />
      {'error' in view ? (
        <ActionNotice tone="bad" testId="cleanup-error">
          The plan cannot be computed: {view.error}
        </ActionNotice>
      ) : view.plan ? (
        <div className="flex flex-col gap-4">
          {view.plan.refusal ? (
            <ActionNotice tone="bad" testId="cleanup-refusal">
              The sweep would refuse to delete anything: {view.plan.refusal}.
            </ActionNotice>
          ) : null}
          <p className="text-sm text-muted" data-testid="cleanup-summary">
            {view.plan.candidates.length} to delete; a run deletes at most {view.maxDeletions}{' '}
            (CLEANUP_MAX_DELETIONS), the rest wait for a later one.
          </p>
          <CleanupCandidatesTable
            candidates={view.plan.candidates}
            maxDeletions={view.maxDeletions}
          />
          {view.plan.candidates.length > 0 && !view.plan.refusal ? (
            <DeleteOrphansButton
              keys={view.plan.candidates.map((candidate) => candidate.key)}
              action={deleteListedOrphansAction}
            />
          ) : null}
        </div>
      ) : (
        <ActionNotice tone="bad">There is no project to clean up yet.</ActionNotice>
      )}
    </>
  );
}
