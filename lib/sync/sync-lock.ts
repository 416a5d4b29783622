import type { Database } from '@/db/client';
import type { SyncRun } from '@/db/schema';
import { closeOverdueSyncRuns, getRunningSyncRun, openSyncRun } from '@/db/writes/sync-runs';
import { MAX_DURATION_MS } from '@/lib/http/max-duration';

/**
 * Every sync kind runs inside one function invocation (its cron route, or Run now on the Sync
 * status page), which Vercel stops at maxDuration: a run still `running` past that died with
 * it. This is the time limit of every kind.
 */
export const SYNC_TIME_LIMIT_MS = MAX_DURATION_MS;

const minutes = (ms: number) => `${Math.round(ms / 60_000)} min`;

/** The reason written on a run closed because it outlived its kind's time limit. */
export function overdueReason(limitMs: number = SYNC_TIME_LIMIT_MS): string {
  return `stopped: still running after ${minutes(limitMs)}, the time limit of a run; its invocation ended without finishing it`;
}

/**
 * Closes the runs of every kind (or one) left `running` past the time limit, as `failed` with
 * the reason; their lock is free again. Run by each start of a kind and by the recovery job.
 */
export function closeOverdueRuns(
  db: Database,
  now: Date,
  kind?: string,
): Promise<Pick<SyncRun, 'id' | 'kind'>[]> {
  return closeOverdueSyncRuns(db, {
    kind,
    startedBefore: new Date(now.getTime() - SYNC_TIME_LIMIT_MS),
    now,
    reason: overdueReason(),
  });
}

export type SyncLock =
  | { ok: true; run: SyncRun }
  | { ok: false; code: 'sync_running'; message: string; running: SyncRun | undefined };

/**
 * Takes a kind's lock by opening its `running` row; the database lets only one exist per kind.
 * A run left over from a dead invocation is closed first, so it never holds the kind for longer
 * than the time limit.
 */
export async function lockSyncKind(db: Database, kind: string, now: Date): Promise<SyncLock> {
  await closeOverdueRuns(db, now, kind);
  const run = await openSyncRun(db, { kind, startedAt: now });
  if (run) return { ok: true, run };
  const running = await getRunningSyncRun(db, kind);
  const since = running ? ` (run #${running.id}, started ${running.startedAt.toISOString()})` : '';
  return {
    ok: false,
    code: 'sync_running',
    message: `${kind} is already running${since}; one run of a kind at a time. Try again when it ends.`,
    running,
  };
}
