import 'server-only';
import { and, desc, eq, gt, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { Database } from '../client';
import { deployments, environments, operations } from '../schema';
import { rowsOf, timestampParam } from './rows';

/**
 * The few facts the alert rules read that no board page already computes. Budget, costs, burn
 * rates, sync health and delivery counts come from the pages' own queries (lib/alerts/facts.ts).
 */

/** Per active environment with checks: how many of its newest checks failed in a row. */
export async function consecutiveFailedChecks(
  db: Database,
  projectId: number,
  now: Date,
): Promise<
  Array<{ slug: string; name: string; consecutiveFailures: number; lastError: string | null }>
> {
  const result = await db.execute(sql`
    select e.slug, e.name, f.failures::int as failures, f.last_error
    from environments e
    cross join lateral (
      select count(*) as failures,
        (array_agg(coalesce(c.error, 'HTTP ' || c.status_code) order by c.checked_at desc))[1] as last_error
      from uptime_checks c
      where c.environment_id = e.id and not c.ok and c.checked_at <= ${timestampParam(now)}
        and c.checked_at > coalesce((
          select max(o.checked_at) from uptime_checks o
          where o.environment_id = e.id and o.ok and o.checked_at <= ${timestampParam(now)}
        ), '-infinity'::timestamptz)
    ) f
    where e.project_id = ${projectId} and e.status = 'active' and f.failures > 0`);
  return rowsOf<{ slug: string; name: string; failures: number; last_error: string | null }>(
    result,
  ).map((row) => ({
    slug: row.slug,
    name: row.name,
    consecutiveFailures: Number(row.failures),
    lastError: row.last_error,
  }));
}

/** Production's newest deployment that finished, ready or failed. */
export async function latestFinishedProductionDeploy(db: Database, projectId: number) {
  const [row] = await db
    .select({
      slug: environments.slug,
      name: environments.name,
      vercelId: deployments.vercelId,
      state: deployments.state,
      commitSha: deployments.commitSha,
      errorMessage: deployments.errorMessage,
    })
    .from(deployments)
    .innerJoin(environments, eq(environments.id, deployments.environmentId))
    .where(
      and(
        eq(deployments.projectId, projectId),
        eq(deployments.target, 'production'),
        inArray(deployments.state, ['ready', 'error']),
      ),
    )
    .orderBy(desc(deployments.providerCreatedAt), desc(deployments.id))
    .limit(1);
  return row ? { ...row, state: row.state as 'ready' | 'error' } : null;
}

/** Operations of a kind in a state, with their environment's slug, finished since `since`. */
async function finishedOperations(
  db: Database,
  projectId: number,
  kind: 'rollback' | 'provision',
  state: 'succeeded' | 'failed',
  since: Date,
) {
  return db
    .select({
      operationId: operations.id,
      slug: environments.slug,
      reason: operations.reason,
      error: operations.error,
      finishedAt: operations.finishedAt,
    })
    .from(operations)
    .leftJoin(environments, eq(environments.id, operations.environmentId))
    .where(
      and(
        eq(operations.projectId, projectId),
        eq(operations.kind, kind),
        eq(operations.state, state),
        isNotNull(operations.finishedAt),
        gt(operations.finishedAt, since),
      ),
    )
    .orderBy(desc(operations.finishedAt))
    .limit(50);
}

export async function recentRollbacks(db: Database, projectId: number, since: Date) {
  const rows = await finishedOperations(db, projectId, 'rollback', 'succeeded', since);
  return rows.map((row) => ({
    operationId: row.operationId,
    slug: row.slug ?? 'production',
    finishedAt: row.finishedAt!,
    reason: row.reason,
  }));
}

export async function recentProvisionFailures(db: Database, projectId: number, since: Date) {
  const rows = await finishedOperations(db, projectId, 'provision', 'failed', since);
  return rows.map((row) => ({
    operationId: row.operationId,
    target: row.slug ?? 'a deleted preview',
    error: row.error,
  }));
}

export async function pendingPromotions(db: Database, projectId: number) {
  return db
    .select({
      operationId: operations.id,
      slug: sql<string>`coalesce(${environments.slug}, 'production')`,
      requestedAt: operations.requestedAt,
    })
    .from(operations)
    .leftJoin(environments, eq(environments.id, operations.environmentId))
    .where(
      and(
        eq(operations.projectId, projectId),
        eq(operations.kind, 'promote'),
        eq(operations.state, 'requested'),
      ),
    )
    .limit(50);
}

export async function activeFreezes(db: Database, projectId: number, now: Date) {
  const rows = await db
    .select({
      slug: environments.slug,
      name: environments.name,
      frozenUntil: environments.frozenUntil,
      reason: environments.freezeReason,
    })
    .from(environments)
    .where(
      and(
        eq(environments.projectId, projectId),
        eq(environments.status, 'active'),
        lte(environments.frozenFrom, now),
        gt(environments.frozenUntil, now),
      ),
    );
  return rows.map((row) => ({ ...row, frozenUntil: row.frozenUntil! }));
}

/** Active previews expiring by `until`, pinned or not (the rule decides what a pin exempts). */
export async function previewsExpiringBy(db: Database, projectId: number, now: Date, until: Date) {
  const rows = await db
    .select({
      slug: environments.slug,
      name: environments.name,
      expiresAt: environments.expiresAt,
      pinned: environments.pinned,
      pinnedUntil: environments.pinnedUntil,
    })
    .from(environments)
    .where(
      and(
        eq(environments.projectId, projectId),
        eq(environments.kind, 'preview'),
        eq(environments.status, 'active'),
        gt(environments.expiresAt, now),
        lte(environments.expiresAt, until),
      ),
    )
    .limit(200);
  return rows.map((row) => ({ ...row, expiresAt: row.expiresAt! }));
}

/** The project's live previews of pull requests: what the preview cost rule projects. */
export async function activePullRequestPreviews(db: Database, projectId: number) {
  const rows = await db
    .select({
      id: environments.id,
      slug: environments.slug,
      pullRequestId: environments.pullRequestId,
      expiresAt: environments.expiresAt,
    })
    .from(environments)
    .where(
      and(
        eq(environments.projectId, projectId),
        eq(environments.kind, 'preview'),
        eq(environments.status, 'active'),
        isNotNull(environments.pullRequestId),
      ),
    )
    .limit(500);
  return rows.map((row) => ({ ...row, pullRequestId: row.pullRequestId! }));
}

/** Per sync kind, the failed runs since its last success (every run when it never succeeded). */
export async function consecutiveSyncFailures(db: Database): Promise<Map<string, number>> {
  const result = await db.execute(sql`
    select r.kind, count(*)::int as failures
    from sync_runs r
    where r.status = 'failed' and r.started_at > coalesce((
      select max(s.started_at) from sync_runs s where s.kind = r.kind and s.status = 'succeeded'
    ), '-infinity'::timestamptz)
    group by r.kind`);
  return new Map(
    rowsOf<{ kind: string; failures: number }>(result).map((row) => [
      row.kind,
      Number(row.failures),
    ]),
  );
}

/** Production-kind and staging environments that are active: the ones the burn rates watch. */
export async function watchedEnvironments(db: Database, projectId: number) {
  return db
    .select({ id: environments.id, slug: environments.slug, name: environments.name })
    .from(environments)
    .where(
      and(
        eq(environments.projectId, projectId),
        eq(environments.status, 'active'),
        inArray(environments.kind, ['production', 'staging']),
      ),
    );
}
