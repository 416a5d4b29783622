import 'server-only';
import { asc, desc, eq, max } from 'drizzle-orm';
import type { Database } from '../client';
import { type SyncRun, syncRuns } from '../schema';

/** One sync run as the Sync status page shows it. */
import type { SyncRunSummary } from '@/lib/domain/admin';
export type { SyncRunSummary };

function summarize(run: SyncRun): SyncRunSummary {
  return {
    id: run.id,
    kind: run.kind,
    status: run.status,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    durationMs: run.finishedAt ? run.finishedAt.getTime() - run.startedAt.getTime() : null,
    itemsSeen: run.itemsSeen,
    itemsChanged: run.itemsChanged,
    apiCalls: run.apiCalls,
    errorCount: run.errors.length,
    errors: run.errors,
  };
}

/** The newest run of each kind, kinds in name order (sync_runs_kind_started_idx serves it). */
export async function latestSyncRunPerKind(db: Database): Promise<SyncRunSummary[]> {
  const rows = await db
    .selectDistinctOn([syncRuns.kind])
    .from(syncRuns)
    .orderBy(asc(syncRuns.kind), desc(syncRuns.startedAt), desc(syncRuns.id))
    .limit(100);
  return rows.map(summarize);
}

/** The newest runs, of one kind or of all, newest first. */
export async function recentSyncRuns(
  db: Database,
  options: { kind?: string; limit?: number } = {},
): Promise<SyncRunSummary[]> {
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
  const rows = await db
    .select()
    .from(syncRuns)
    .where(options.kind ? eq(syncRuns.kind, options.kind) : undefined)
    .orderBy(desc(syncRuns.startedAt), desc(syncRuns.id))
    .limit(limit);
  return rows.map(summarize);
}

/** When each kind last succeeded (started), for the health word; kinds that never did are absent. */
export async function lastSuccessPerKind(db: Database): Promise<Map<string, Date>> {
  const rows = await db
    .select({ kind: syncRuns.kind, startedAt: max(syncRuns.startedAt) })
    .from(syncRuns)
    .where(eq(syncRuns.status, 'succeeded'))
    .groupBy(syncRuns.kind);
  return new Map(rows.flatMap((row) => (row.startedAt ? [[row.kind, row.startedAt]] : [])));
}
