import { eq, sql } from 'drizzle-orm';
import type { Database } from '../client';
import {
  type DbBranch,
  dbBranches,
  type Deployment,
  deployments,
  type Environment,
  environments,
  type NewDbBranch,
  type NewDeployment,
  type NewEnvironment,
  type NewPullRequest,
  type PullRequest,
  pullRequests,
} from '../schema';
import { chunk } from './batch';
import { fromExcluded, whenNotOlder } from './upsert';

export async function upsertPullRequest(
  db: Database,
  input: NewPullRequest,
): Promise<PullRequest | undefined> {
  const [row] = await db
    .insert(pullRequests)
    .values(input)
    .onConflictDoUpdate({
      target: [pullRequests.projectId, pullRequests.number],
      set: fromExcluded([
        'title',
        'headBranch',
        'baseBranch',
        'headSha',
        'state',
        'draft',
        'htmlUrl',
        'closedAt',
        'mergedAt',
        'providerUpdatedAt',
      ]),
      setWhere: whenNotOlder('pull_requests'),
    })
    .returning();
  return row;
}

export async function upsertEnvironment(db: Database, input: NewEnvironment): Promise<Environment> {
  const [row] = await db
    .insert(environments)
    .values(input)
    .onConflictDoUpdate({
      target: [environments.projectId, environments.slug],
      set: fromExcluded([
        'name',
        'gitBranch',
        'url',
        'healthUrl',
        'pullRequestId',
        'dbBranchId',
        'status',
        'expiresAt',
        'lastActivityAt',
        'deletedAt',
      ]),
    })
    .returning();
  return row!;
}

export async function upsertDbBranch(
  db: Database,
  input: NewDbBranch,
): Promise<DbBranch | undefined> {
  const [row] = await db
    .insert(dbBranches)
    .values(input)
    .onConflictDoUpdate({
      target: dbBranches.neonBranchId,
      set: {
        ...fromExcluded([
          'name',
          'state',
          'protected',
          'logicalSizeBytes',
          'computeSeconds',
          'lastResetAt',
          'expiresAt',
          'deletedAt',
          'providerUpdatedAt',
        ]),
        // envboard's own record, which no Neon sync carries: a row without it keeps the stored one.
        migrationsValidatedAt: sql`coalesce(excluded.migrations_validated_at, ${dbBranches.migrationsValidatedAt})`,
      },
      setWhere: whenNotOlder('db_branches'),
    })
    .returning();
  return row;
}

/**
 * Records that migrations were validated on a Neon branch: envboard's own fact, which no Neon
 * sync brings, so a branch synced in keeps it. Unknown branch ids are ignored.
 */
export async function markMigrationsValidated(
  db: Database,
  neonBranchId: string,
  at: Date,
): Promise<void> {
  await db
    .update(dbBranches)
    .set({ migrationsValidatedAt: at })
    .where(eq(dbBranches.neonBranchId, neonBranchId));
}

/** Inserts or advances deployments; a stale event for a deployment leaves it as it is. */
export async function upsertDeployments(
  db: Database,
  rows: readonly NewDeployment[],
): Promise<Deployment[]> {
  const written: Deployment[] = [];
  for (const slice of chunk(rows)) {
    written.push(
      ...(await db
        .insert(deployments)
        .values(slice)
        .onConflictDoUpdate({
          target: deployments.vercelId,
          set: fromExcluded([
            'state',
            'url',
            'errorMessage',
            'buildStartedAt',
            'readyAt',
            'buildDurationMs',
            'providerUpdatedAt',
          ]),
          setWhere: whenNotOlder('deployments'),
        })
        .returning()),
    );
  }
  return written;
}

/** What the environment serves now: set by a ready deploy, a promote or a rollback. */
export async function setCurrentDeployment(
  db: Database,
  environmentId: number,
  deploymentId: number,
  at: Date,
): Promise<void> {
  await db
    .update(environments)
    .set({ currentDeploymentId: deploymentId, lastActivityAt: at })
    .where(eq(environments.id, environmentId));
}
