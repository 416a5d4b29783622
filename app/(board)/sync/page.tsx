import type { Metadata } from 'next';
import { RunNowButton } from '@/components/admin/run-now-button';
import { SyncKindsTable } from '@/components/admin/sync-kinds-table';
import { SyncRunsTable } from '@/components/admin/sync-runs-table';
import { PageHeader } from '@/components/ui/page-header';
import { getDatabase } from '@/db/client';
import { lastSuccessPerKind, latestSyncRunPerKind, recentSyncRuns } from '@/db/queries/sync-status';
import { requireRole } from '@/lib/auth';
import { hasRole } from '@/lib/domain/roles';
import { syncKindStatuses } from '@/lib/domain/sync-health';
import { syncIntervals } from '@/lib/sync/cron-syncs';
import { runSyncNowAction } from './actions';

export const metadata: Metadata = { title: 'Sync status' };
export const dynamic = 'force-dynamic';
// Long work (an operation's steps, a sync) runs until Vercel's limit: see lib/http/max-duration.ts.
export const maxDuration = 300;

export default async function SyncStatusPage() {
  const actor = await requireRole('release_manager');
  const db = getDatabase();
  const [latest, lastSuccess, recent] = await Promise.all([
    latestSyncRunPerKind(db),
    lastSuccessPerKind(db),
    recentSyncRuns(db, { limit: 50 }),
  ]);
  const now = new Date();
  const kinds = syncKindStatuses(syncIntervals(), latest, lastSuccess, now);
  const canRun = hasRole(actor.role, 'admin');
  return (
    <>
      <PageHeader
        title="Sync status"
        description="Each cron sync's last run and health: failing when its last run failed, stale when it has not succeeded for three of its intervals."
      />
      <div className="mb-6">
        <SyncKindsTable
          rows={kinds}
          now={now}
          runNow={
            canRun ? (kind) => <RunNowButton kind={kind} action={runSyncNowAction} /> : undefined
          }
        />
      </div>
      <SyncRunsTable rows={recent} now={now} />
    </>
  );
}
