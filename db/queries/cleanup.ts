import 'server-only';
import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { PreviewRecord } from '@/lib/domain/cleanup';
import { pinHolds } from '@/lib/domain/pins';
import type { Database } from '../client';
import {
  dbBranches,
  deployments,
  environments,
  operations,
  pullRequests,
  syncRuns,
} from '../schema';

/**
 * Every preview environment envboard recorded for the project, live or deleted; `pinned` when
 * its pin still holds at `now` (a pin lapses at its end date).
 */
export async function listPreviewRecords(
  db: Database,
  projectId: number,
  now: Date,
): Promise<PreviewRecord[]> {
  const rows = await db
    .select({
      environmentId: environments.id,
      name: environments.name,
      gitBranch: environments.gitBranch,
      status: environments.status,
      pinned: environments.pinned,
      pinnedUntil: environments.pinnedUntil,
      lastActivityAt: environments.lastActivityAt,
      pullRequestNumber: pullRequests.number,
      pullRequestState: pullRequests.state,
    })
    .from(environments)
    .leftJoin(pullRequests, eq(pullRequests.id, environments.pullRequestId))
    .where(and(eq(environments.projectId, projectId), eq(environments.kind, 'preview')))
    .orderBy(environments.id);
  return rows.map(({ status, pullRequestNumber, pullRequestState, pinnedUntil, ...row }) => ({
    ...row,
    pinned: pinHolds({ pinned: row.pinned, pinnedUntil }, now),
    active: status === 'active',
    pullRequest:
      pullRequestNumber === null || pullRequestState === null
        ? null
        : { number: pullRequestNumber, state: pullRequestState },
  }));
}

/** Every active environment of the project, whatever its kind, with its database branch. */
export async function listActiveEnvironmentBranches(db: Database, projectId: number) {
  return db
    .select({
      id: environments.id,
      gitBranch: environments.gitBranch,
      neonBranchId: dbBranches.neonBranchId,
    })
    .from(environments)
    .leftJoin(dbBranches, eq(dbBranches.id, environments.dbBranchId))
    .where(and(eq(environments.projectId, projectId), ne(environments.status, 'deleted')));
}

/**
 * The Neon branches envboard's provisioning created (not found and reused), each with the
 * preview it was made for: the provision operation records them in its `after`.
 */
export async function listCreatedPreviewBranches(
  db: Database,
  projectId: number,
): Promise<Map<string, number>> {
  const neonBranchId = sql<string | null>`${operations.after}->>'neonBranchId'`;
  const rows = await db
    .select({ neonBranchId, environmentId: operations.environmentId })
    .from(operations)
    .where(
      and(
        eq(operations.projectId, projectId),
        eq(operations.kind, 'provision'),
        sql`${operations.after}->>'reused' = 'false'`,
      ),
    );
  return new Map(
    rows.flatMap((row) =>
      row.neonBranchId && row.environmentId !== null
        ? [[row.neonBranchId, row.environmentId] as const]
        : [],
    ),
  );
}

/** Ids per statement: a project's preview builds can outnumber a statement's parameter limit. */
const IDS_PER_QUERY = 1000;

/**
 * Of these Vercel ids, the ones envboard recorded under a production, staging or other
 * non-preview environment.
 */
export async function recordedOutsidePreviews(
  db: Database,
  projectId: number,
  vercelIds: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (let start = 0; start < vercelIds.length; start += IDS_PER_QUERY) {
    const rows = await db
      .select({ vercelId: deployments.vercelId })
      .from(deployments)
      .innerJoin(environments, eq(environments.id, deployments.environmentId))
      .where(
        and(
          eq(deployments.projectId, projectId),
          inArray(deployments.vercelId, vercelIds.slice(start, start + IDS_PER_QUERY)),
          ne(environments.kind, 'preview'),
        ),
      );
    for (const row of rows) found.add(row.vercelId);
  }
  return found;
}

/** When a sync kind last succeeded (its start), or null when it never has. */
export async function lastSucceededAt(db: Database, kind: string): Promise<Date | null> {
  const [row] = await db
    .select({ startedAt: syncRuns.startedAt })
    .from(syncRuns)
    .where(and(eq(syncRuns.kind, kind), eq(syncRuns.status, 'succeeded')))
    .orderBy(desc(syncRuns.startedAt))
    .limit(1);
  return row?.startedAt ?? null;
}
