import { and, desc, eq } from 'drizzle-orm';
import { ZodError } from 'zod';
import type { Database } from '@/db/client';
import { type SyncRun, syncRuns } from '@/db/schema';
import { log } from '@/lib/observability/log';
import { inSpan, setSpanAttributes } from '@/lib/observability/trace';
import { describeIssues } from '@/lib/webhooks/zod-issues';
import { lockSyncKind, type SyncLock } from './sync-lock';
import { emptyTally, type SyncJob, type SyncTally } from './sync-job';

async function previousCursor(db: Database, kind: string): Promise<string | null> {
  const [last] = await db
    .select({ cursor: syncRuns.cursor })
    .from(syncRuns)
    .where(and(eq(syncRuns.kind, kind), eq(syncRuns.status, 'succeeded')))
    .orderBy(desc(syncRuns.startedAt))
    .limit(1);
  return last?.cursor ?? null;
}

/**
 * A client that cannot be built (a missing setting) has spent nothing; its error surfaces from
 * the work, which marks the run failed instead of leaving it 'running'.
 */
function callsSpentSafely(job: SyncJob): number {
  try {
    return job.callsSpent();
  } catch {
    return 0;
  }
}

/** One line for a failed run: the error's message, or each invalid setting of a ZodError. */
export function describeSyncError(error: unknown): string {
  // A ZodError's message is its issues as JSON; a missing setting reads better as one line.
  if (error instanceof ZodError) return `invalid settings: ${describeIssues(error)}`;
  return error instanceof Error ? error.message : String(error);
}

/** How a sync start ended: its finished run, or a refusal because the kind already runs. */
export type SyncAttempt = SyncLock;

/** Thrown by runSync when another run of the kind holds the lock (attemptSync's refusal). */
export class SyncAlreadyRunning extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SyncAlreadyRunning';
  }
}

/**
 * Runs one sync as one sync_runs row: 'running' while it works, then 'succeeded' with its counts
 * and the API calls it spent, or 'failed' with the reason. The row is written before the work so
 * a run that dies mid-way is still visible on the Sync status page. One run of a kind at a time
 * (see lockSyncKind): a second start while one runs is refused with the reason.
 */
export function attemptSync(
  db: Database,
  job: SyncJob,
  now: () => Date = () => new Date(),
): Promise<SyncAttempt> {
  return inSpan('sync.run', { 'envboard.sync.kind': job.kind }, async (span) => {
    const attempt = await lockedSync(db, job, now);
    if (!attempt.ok) {
      setSpanAttributes(span, { 'envboard.sync.status': 'refused' });
      log.info('sync refused', { kind: job.kind, reason: attempt.message });
      return attempt;
    }
    const { run } = attempt;
    const fields = {
      kind: run.kind,
      runId: run.id,
      status: run.status,
      itemsSeen: run.itemsSeen,
      itemsChanged: run.itemsChanged,
      apiCalls: run.apiCalls,
      firstError: run.errors[0],
    };
    setSpanAttributes(span, {
      'envboard.sync.run_id': run.id,
      'envboard.sync.status': run.status,
      'envboard.sync.items_seen': run.itemsSeen,
      'envboard.sync.items_changed': run.itemsChanged,
      'envboard.sync.api_calls': run.apiCalls,
    });
    (run.status === 'failed' ? log.warn : log.info)('sync run', fields);
    return attempt;
  });
}

async function lockedSync(db: Database, job: SyncJob, now: () => Date): Promise<SyncAttempt> {
  const startedAt = now();
  const locked = await lockSyncKind(db, job.kind, startedAt);
  if (!locked.ok) return locked;
  const cursor = await previousCursor(db, job.kind);
  const callsBefore = callsSpentSafely(job);
  let tally: SyncTally;
  let status: 'succeeded' | 'failed' = 'succeeded';
  try {
    tally = await job.work({ db, now: startedAt, previousCursor: cursor });
  } catch (error) {
    status = 'failed';
    tally = { ...emptyTally(), errors: [describeSyncError(error)], cursor };
  }
  const [finished] = await db
    .update(syncRuns)
    .set({
      status,
      finishedAt: now(),
      itemsSeen: tally.itemsSeen,
      itemsChanged: tally.itemsChanged,
      apiCalls: callsSpentSafely(job) - callsBefore,
      errors: tally.errors.slice(0, 50),
      cursor: tally.cursor === undefined ? cursor : tally.cursor,
    })
    .where(eq(syncRuns.id, locked.run.id))
    .returning();
  return { ok: true, run: finished! };
}

/** attemptSync for callers that expect the kind to be free: a refusal is thrown. */
export async function runSync(
  db: Database,
  job: SyncJob,
  now: () => Date = () => new Date(),
): Promise<SyncRun> {
  const attempt = await attemptSync(db, job, now);
  if (!attempt.ok) throw new SyncAlreadyRunning(attempt.message);
  return attempt.run;
}

/** A job, or why it cannot be built (a provider not configured, a malformed setting). */
export function jobOrReason<Job>(build: () => Job): { job: Job } | { skipped: string } {
  try {
    return { job: build() };
  } catch (error) {
    return { skipped: describeSyncError(error) };
  }
}

/**
 * How one start of a kind ended: its finished run; refused because a run of the kind is still
 * going; or skipped because its job cannot be built, e.g. the provider it reads is not
 * configured, naming the setting.
 */
export type SyncOutcome =
  | { kind: string; ok: true; run: SyncRun }
  | { kind: string; ok: false; code: 'sync_running' | 'not_configured'; message: string };

/**
 * Builds one job and runs it: the one path of the cron routes and the Sync status page's Run
 * now, so both skip a provider that is not configured, and refuse a kind already running, alike.
 */
export async function startSync(
  db: Database,
  kind: string,
  build: () => SyncJob,
  now?: () => Date,
): Promise<SyncOutcome> {
  const built = jobOrReason(build);
  if ('skipped' in built) {
    return { kind, ok: false, code: 'not_configured', message: built.skipped };
  }
  const attempt = await attemptSync(db, built.job, now);
  if (attempt.ok) return { kind, ok: true, run: attempt.run };
  return { kind, ok: false, code: attempt.code, message: attempt.message };
}
