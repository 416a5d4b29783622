import type { SyncJob } from '@/lib/sync/run-sync';
import { cleanup } from './cleanup';
import type { OperationClients } from './types';

export const CLEANUP_SYNC_KIND = 'operations.cleanup';

/**
 * The cleanup cron as one sync run; provider calls are counted. Operations a crash left running
 * are finished by the recovery job (recovery-job.ts) every few minutes, not here.
 */
export function cleanupJob(clients: OperationClients): SyncJob {
  const calls = () =>
    clients.vercel.callsSpent + clients.neon.callsSpent + clients.github.usage().requests;
  return {
    kind: CLEANUP_SYNC_KIND,
    callsSpent: calls,
    work: async ({ db, now }) => {
      const report = await cleanup(db, clients, now);
      const changed =
        report.previews.filter((preview) => !preview.error).length +
        report.orphanBranches.length +
        report.orphanDeployments.length;
      return {
        itemsSeen: report.seen,
        itemsChanged: changed,
        errors: report.errors,
      };
    },
  };
}
