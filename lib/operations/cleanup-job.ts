import type { SyncJob } from '@/lib/sync/run-sync';
import { cleanup } from './cleanup';
import { reconcileOperations } from './reconcile';
import type { OperationClients } from './types';

export const CLEANUP_SYNC_KIND = 'operations.cleanup';

/**
 * The cleanup cron as one sync run: stale operations are reconciled first, so a preview whose
 * delete was interrupted is not left locked, then the sweep runs. Provider calls are counted.
 */
export function cleanupJob(clients: OperationClients): SyncJob {
  const calls = () =>
    clients.vercel.callsSpent + clients.neon.callsSpent + clients.github.usage().requests;
  return {
    kind: CLEANUP_SYNC_KIND,
    callsSpent: calls,
    work: async ({ db, now }) => {
      const reconciled = await reconcileOperations(db, clients, now);
      const report = await cleanup(db, clients, now);
      const changed =
        reconciled.finished.length +
        report.previews.filter((preview) => !preview.error).length +
        report.orphanBranches.length +
        report.orphanDeployments.length;
      return {
        itemsSeen: report.seen + reconciled.finished.length,
        itemsChanged: changed,
        errors: [...reconciled.errors, ...report.errors],
      };
    },
  };
}
