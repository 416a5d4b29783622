import { closeOverdueRuns } from '@/lib/sync/sync-lock';
import { pruneHistory } from '@/lib/sync/retention';
import type { SyncJob } from '@/lib/sync/sync-job';
import { expirePromotionRequests } from './expire-requests';
import { recoverInterruptedOperations } from './recover';
import { recoverySettingsFromEnv } from './recovery-settings';
import type { OperationClients } from './types';

export const RECOVERY_SYNC_KIND = 'operations.recover';

/**
 * The 5-minute recovery cron as one sync run, so nothing holds an environment or a sync kind for
 * long after the process that took it died:
 * - operations left `approved` or `running` past their time limit are finished from the
 *   providers' real state (recover.ts);
 * - promotion requests older than PROMOTION_REQUEST_TTL expire, which frees production;
 * - sync runs left `running` past their time limit are closed as failed;
 * - webhook deliveries and sync runs older than RETENTION_DAYS are pruned, a batch at a time.
 * The settings are read when the job runs, so a malformed one fails the run with its name.
 */
export function recoveryJob(
  clients: OperationClients,
  env: Record<string, string | undefined>,
): SyncJob {
  const calls = () => clients.vercel.callsSpent + clients.neon.callsSpent;
  return {
    kind: RECOVERY_SYNC_KIND,
    callsSpent: calls,
    work: async ({ db, now }) => {
      const settings = recoverySettingsFromEnv(env);
      const recovered = await recoverInterruptedOperations(db, clients, now);
      const expired = await expirePromotionRequests(db, now, settings.promotionRequestTtlMs);
      const closed = await closeOverdueRuns(db, now);
      const pruned = await pruneHistory(db, now, settings.retentionDays);
      const changed =
        recovered.finished.length +
        expired.length +
        closed.length +
        pruned.deliveries +
        pruned.syncRuns;
      return {
        itemsSeen: changed + recovered.errors.length,
        itemsChanged: changed,
        errors: recovered.errors,
      };
    },
  };
}
