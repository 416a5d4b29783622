import type { SyncJob } from '@/lib/sync/sync-job';
import { cleanup, type CleanupReport } from './cleanup';
import type { CleanupSettings } from './cleanup-settings';
import type { OperationClients } from './types';

export const CLEANUP_SYNC_KIND = 'operations.cleanup';

/** Thrown when the sweep must not delete: the sync run ends failed with the reason. */
export class CleanupRefused extends Error {
  constructor(reason: string) {
    super(`cleanup refused: ${reason}`);
    this.name = 'CleanupRefused';
  }
}

/** The candidates a bounded run left, as the sync run's report lines. */
export function deferredLines(report: CleanupReport, maxDeletions: number): string[] {
  if (report.deferred.length === 0) return [];
  return [
    `${report.deferred.length} more to delete, left for the next run (at most ${maxDeletions} deletions a run, CLEANUP_MAX_DELETIONS)`,
    ...report.deferred.map(
      (candidate) => `left for the next run: ${candidate.key} — ${candidate.reason}`,
    ),
  ];
}

/**
 * The cleanup cron as one sync run; provider calls are counted. Operations a crash left running
 * are finished by the recovery job (recovery-job.ts) every few minutes, not here.
 * The settings are read inside the work, so a bad CLEANUP_MAX_DELETIONS fails the run, named.
 */
export function cleanupJob(clients: OperationClients, settings: () => CleanupSettings): SyncJob {
  const calls = () =>
    clients.vercel.callsSpent + clients.neon.callsSpent + clients.github.usage().requests;
  return {
    kind: CLEANUP_SYNC_KIND,
    callsSpent: calls,
    work: async ({ db, now }) => {
      const limits = settings();
      const report = await cleanup(db, clients, now, limits);
      if (report.refusal) throw new CleanupRefused(report.refusal);
      const changed =
        report.previews.filter((preview) => !preview.error).length +
        report.orphanBranches.length +
        report.orphanDeployments.length;
      return {
        itemsSeen: report.seen,
        itemsChanged: changed,
        errors: [...report.errors, ...deferredLines(report, limits.maxDeletions)],
      };
    },
  };
}
