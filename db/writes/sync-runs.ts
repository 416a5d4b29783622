import { and, eq, lt, sql } from 'drizzle-orm';
import type { Database } from '../client';
import { type NewSyncRun, type SyncRun, syncRuns } from '../schema';

const RUNNING_INDEX = 'sync_runs_one_running_per_kind_uq';

/**
 * Opens a sync run as `running`, which also takes its kind's lock: the partial unique index
 * `sync_runs_one_running_per_kind_uq` lets one run of a kind be `running` at a time. Undefined
 * when another run of the kind holds it.
 */
export async function openSyncRun(
  db: Database,
  run: Pick<NewSyncRun, 'kind' | 'startedAt'>,
): Promise<SyncRun | undefined> {
  try {
    const [row] = await db
      .insert(syncRuns)
      .values({ ...run, status: 'running' })
      .returning();
    return row;
  } catch (error) {
    if (isRunningConflict(error)) return undefined;
    throw error;
  }
}

function isRunningConflict(error: unknown): boolean {
  for (let current = error; current instanceof Error; current = current.cause) {
    const { code, constraint } = current as Error & { code?: string; constraint?: string };
    if (
      code === '23505' &&
      (constraint === RUNNING_INDEX || current.message.includes(RUNNING_INDEX))
    )
      return true;
  }
  return false;
}

/** The run holding a kind's lock, if any. */
export async function getRunningSyncRun(db: Database, kind: string): Promise<SyncRun | undefined> {
  const [row] = await db
    .select()
    .from(syncRuns)
    .where(and(eq(syncRuns.kind, kind), eq(syncRuns.status, 'running')))
    .limit(1);
  return row;
}

/**
 * Ends as `failed`, with `reason`, the runs still `running` that started before `startedBefore`
 * (of one kind, or of every kind): their invocation cannot be alive any more, and each holds its
 * kind's lock. Returns what it closed.
 */
export async function closeOverdueSyncRuns(
  db: Database,
  input: { kind?: string; startedBefore: Date; now: Date; reason: string },
): Promise<Pick<SyncRun, 'id' | 'kind'>[]> {
  return db
    .update(syncRuns)
    .set({
      status: 'failed',
      finishedAt: input.now,
      errors: sql`${syncRuns.errors} || ${JSON.stringify([input.reason])}::jsonb`,
    })
    .where(
      and(
        eq(syncRuns.status, 'running'),
        lt(syncRuns.startedAt, input.startedBefore),
        input.kind === undefined ? undefined : eq(syncRuns.kind, input.kind),
      ),
    )
    .returning({ id: syncRuns.id, kind: syncRuns.kind });
}
