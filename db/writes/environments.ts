import { and, eq, sql } from 'drizzle-orm';
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
import { compiledPerShape } from '../compiled-statement';
import { refreshTouched, type Touch } from '../rollups/touched';
import { chunk } from './batch';
import { inTransaction } from './transaction';
import { fromExcluded, whenAnyDiffers, whenNotOlder } from './upsert';

/** What GitHub can change about a pull request after it is stored. */
const PULL_REQUEST_STATE = [
  'title',
  'headBranch',
  'baseBranch',
  'headSha',
  'fromFork',
  'state',
  'draft',
  'htmlUrl',
  'closedAt',
  'mergedAt',
] as const;

function pullRequestUpsert(onlyIfChanged: boolean) {
  return compiledPerShape<NewPullRequest, PullRequest>((db, values) => {
    const notOlder = whenNotOlder('pull_requests');
    return db
      .insert(pullRequests)
      .values(values)
      .onConflictDoUpdate({
        target: [pullRequests.projectId, pullRequests.number],
        set: fromExcluded([...PULL_REQUEST_STATE, 'providerUpdatedAt']),
        setWhere: onlyIfChanged
          ? and(notOlder, whenAnyDiffers('pull_requests', PULL_REQUEST_STATE))
          : notOlder,
      })
      .returning();
  });
}

const upsertPullRequestAlways = pullRequestUpsert(false);
const upsertPullRequestIfChanged = pullRequestUpsert(true);

/**
 * Inserts a pull request or overwrites the stored copy unless that is newer. With
 * `onlyIfChanged`, a copy that changes none of its state is not written either. Returns the row
 * when it was written. Every pull request webhook runs this: its SQL is built once per shape.
 */
export async function upsertPullRequest(
  db: Database,
  input: NewPullRequest,
  { onlyIfChanged = false } = {},
): Promise<PullRequest | undefined> {
  const upsert = onlyIfChanged ? upsertPullRequestIfChanged : upsertPullRequestAlways;
  const [row] = await upsert(db, input);
  return row;
}

/** What a later write of an environment replaces; its identity (project, kind, slug) stays. */
export const ENVIRONMENT_FIELDS = [
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
] as const satisfies readonly (keyof Environment)[];

export async function upsertEnvironment(db: Database, input: NewEnvironment): Promise<Environment> {
  const [row] = await db
    .insert(environments)
    .values(input)
    .onConflictDoUpdate({
      target: [environments.projectId, environments.slug],
      set: fromExcluded(ENVIRONMENT_FIELDS),
    })
    .returning();
  return row!;
}

const insertEnvironmentUnlessTaken = compiledPerShape<NewEnvironment, { id: number }>(
  (db, values) =>
    db
      .insert(environments)
      .values(values)
      .onConflictDoNothing({ target: [environments.projectId, environments.slug] })
      .returning({ id: environments.id }),
);

/**
 * Creates an environment unless its slug is taken in the project; returns its id only if
 * created. Each new pull request runs this: its SQL is built once per shape.
 */
export async function insertEnvironmentIfMissing(
  db: Database,
  input: NewEnvironment,
): Promise<{ id: number } | undefined> {
  const [row] = await insertEnvironmentUnlessTaken(db, input);
  return row;
}

/** What Neon says of a branch: a newer answer overwrites these, and a sync compares them. */
export const NEON_BRANCH_FIELDS = [
  'name',
  'state',
  'protected',
  'logicalSizeBytes',
  'computeSeconds',
  'lastResetAt',
  'expiresAt',
  'deletedAt',
] as const;

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
        ...fromExcluded([...NEON_BRANCH_FIELDS, 'providerUpdatedAt']),
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

/** The rollup a deployment counts in: the day it was created, in its project. */
export const deploymentTouch = (
  row: Pick<Deployment, 'projectId' | 'providerCreatedAt'>,
): Touch => ({
  projectId: row.projectId,
  at: row.providerCreatedAt,
});

/**
 * Inserts or advances deployments; a stale event for a deployment leaves it as it is. For each
 * row written, the day of the copy proposed and of the row stored (the same day unless a copy
 * disagrees on when the deployment was created) get their deployment rollup recomputed in the
 * same transaction; a stale copy changed nothing and refreshes nothing.
 */
export async function upsertDeployments(
  db: Database,
  rows: readonly NewDeployment[],
): Promise<Deployment[]> {
  if (rows.length === 0) return [];
  return inTransaction(db, async (tx) => {
    const written: Deployment[] = [];
    for (const slice of chunk(rows)) {
      written.push(
        ...(await tx
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
    const stored = new Set(written.map((row) => row.vercelId));
    const changed = [...rows.filter((row) => stored.has(row.vercelId)), ...written];
    await refreshTouched(tx, 'deployments', changed.map(deploymentTouch));
    return written;
  });
}

/**
 * A deployment's label, once news of a promote or rollback says more than was known; its day's
 * promotions and rollbacks are recomputed with it.
 */
export async function setDeploymentSource(
  db: Database,
  id: number,
  source: Deployment['source'],
): Promise<Deployment> {
  return inTransaction(db, async (tx) => {
    const [row] = await tx
      .update(deployments)
      .set({ source })
      .where(eq(deployments.id, id))
      .returning();
    if (row) await refreshTouched(tx, 'deployments', [deploymentTouch(row)]);
    return row!;
  });
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
