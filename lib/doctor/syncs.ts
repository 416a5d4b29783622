import { lastSuccessPerKind, latestSyncRunPerKind } from '@/db/queries/sync-status';
import { SYNC_HEALTH_LABEL, syncKindStatuses } from '@/lib/domain/sync-health';
import { syncIntervals } from '@/lib/sync/cron-syncs';
import { type CheckResult, type DoctorContext, fail, pass, runCheck } from './check';

const SYNCS = 'Syncs';

/**
 * Every sync kind succeeded within three of its intervals and its last run did not fail. A kind
 * that has never run is no fault (a fresh start, as on Sync status); it is named in the detail.
 */
export function checkSyncs(context: DoctorContext): Promise<CheckResult> {
  return runCheck(
    SYNCS,
    async () => {
      const db = context.database().db;
      const [latest, lastSuccess] = await Promise.all([
        latestSyncRunPerKind(db),
        lastSuccessPerKind(db),
      ]);
      const kinds = syncKindStatuses(
        syncIntervals(context.vercelConfig),
        latest,
        lastSuccess,
        context.now,
      );
      const unhealthy = kinds.filter(
        (kind) => kind.health === 'failing' || kind.health === 'stale',
      );
      if (unhealthy.length === 0) {
        const notRun = kinds.filter((kind) => kind.health === 'not_run').map((kind) => kind.kind);
        const ran = `${kinds.length - notRun.length} syncs ran recently`;
        return pass(SYNCS, notRun.length > 0 ? `${ran}; not run yet: ${notRun.join(', ')}` : ran);
      }
      return fail(
        SYNCS,
        unhealthy
          .map((kind) => `${kind.kind}: ${SYNC_HEALTH_LABEL[kind.health].toLowerCase()}`)
          .join('; '),
        'Open Sync status in envboard for each failing run’s error; "Run now" retries it. A sync not run yet needs its cron (see Crons).',
      );
    },
    () => 'The sync status could not be read: fix the database first.',
  );
}
