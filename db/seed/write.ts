import { eq } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type {
  CiRunRow,
  CostSampleRow,
  DbBranchRow,
  DemoHistory,
  DeploymentRow,
  EnvironmentRow,
  OperationRow,
  PullRequestRow,
  TestRunRow,
  UptimeCheckRow,
} from '@/lib/demo';
import type { Database } from '../client';
import {
  ciRuns,
  dbBranches,
  deployments,
  environments,
  type NewOperation,
  pullRequests,
  users,
} from '../schema';
import {
  claimLegacyUser,
  deleteProject,
  recordTestRuns,
  recordUptimeChecks,
  setCurrentDeployment,
  setMembership,
  setTeamMembership,
  upsertCiRuns,
  upsertCostSamples,
  upsertDbBranch,
  upsertDeployments,
  upsertEnvironment,
  upsertProject,
  upsertPullRequest,
  upsertUser,
} from '../writes';
import { recordFinishedOperations } from '../writes/operations';

/**
 * Writes the history through the same write functions live ingest uses. Rows refer to each other
 * by provider identities; each step reads back the ids the previous steps stored.
 *
 * An earlier demo project is removed first: a history generated for another `now` lands its
 * events on other days, and upserting it over the old one would blend two histories.
 */
export async function writeDemoHistory(db: Database, history: DemoHistory): Promise<void> {
  await deleteProject(db, history.project.slug);
  const projectId = await writeDemoProject(db, history);
  await writePullRequests(db, projectId, history.pullRequests);
  await writeDbBranches(db, projectId, history.dbBranches);
  await writeEnvironments(db, projectId, history.environments);
  await writeDeployments(db, projectId, history.deployments);
  await pointEnvironmentsAtDeployments(db, projectId, history.environments);
  await writeCiRuns(db, projectId, history.ciRuns);
  await writeTestRuns(db, projectId, history.testRuns);
  await writeCostSamples(db, projectId, history.costSamples);
  await writeUptimeChecks(db, projectId, history.uptimeChecks, history.now);
  await writeOperations(db, projectId, history.project.slug, history.operations);
}

/*
 * The steps below each write one part of a history and may be run on their own (the dev
 * launcher writes only the parts no provider holds): rows they refer to are looked up among the
 * rows already stored, and a reference to a row not stored is left empty.
 */

/** The project and its team; returns the project's id. */
export async function writeDemoProject(db: Database, history: DemoHistory): Promise<number> {
  const { id: projectId } = await upsertProject(db, history.project);
  for (const { role, share: _share, team, ...person } of history.team) {
    const user = await upsertUser(db, person);
    const membership = { userId: user.id, projectId, role };
    await (team ? setTeamMembership(db, { ...membership, team }) : setMembership(db, membership));
  }
  return projectId;
}

/**
 * Records the demo team's GitHub ids on a demo database written before ids were stored, so demo
 * sign-in (which puts the id in the session) keeps working on it.
 */
export async function recordDemoTeamIds(db: Database, history: DemoHistory): Promise<void> {
  for (const person of history.team) {
    await claimLegacyUser(db, person.githubId, person.githubLogin);
  }
}

export async function writePullRequests(
  db: Database,
  projectId: number,
  rows: readonly PullRequestRow[],
): Promise<void> {
  for (const pr of rows) await upsertPullRequest(db, { ...pr, projectId });
}

export async function writeDbBranches(
  db: Database,
  projectId: number,
  rows: readonly DbBranchRow[],
): Promise<void> {
  for (const branch of rows) await upsertDbBranch(db, { ...branch, projectId });
}

export async function writeEnvironments(
  db: Database,
  projectId: number,
  rows: readonly EnvironmentRow[],
): Promise<void> {
  const pullRequestIds = await idsBy<number>(db, pullRequests, pullRequests.number, projectId);
  const branchIds = await idsBy<string>(db, dbBranches, dbBranches.neonBranchId, projectId);
  for (const { pullRequestNumber, neonBranchId, currentVercelId: _, ...env } of rows) {
    await upsertEnvironment(db, {
      ...env,
      projectId,
      pullRequestId: lookup(pullRequestIds, pullRequestNumber),
      dbBranchId: lookup(branchIds, neonBranchId),
    });
  }
}

export async function writeDeployments(
  db: Database,
  projectId: number,
  rows: readonly DeploymentRow[],
): Promise<void> {
  const environmentIds = await idsBy<string>(db, environments, environments.slug, projectId);
  const pullRequestIds = await idsBy<number>(db, pullRequests, pullRequests.number, projectId);
  // A promote points at a staging build and a rollback at an earlier promote: write in that order.
  for (const source of ['git', 'promote', 'rollback'] as const) {
    const deploymentIds = await idsBy<string>(db, deployments, deployments.vercelId, projectId);
    const ofSource = rows.filter((row) => row.source === source);
    if (ofSource.length === 0) continue;
    await upsertDeployments(
      db,
      ofSource.map((row) =>
        deploymentInsert(row, projectId, environmentIds, pullRequestIds, deploymentIds),
      ),
    );
  }
}

/** Each environment serves the deployment the history says it serves, when that one is stored. */
export async function pointEnvironmentsAtDeployments(
  db: Database,
  projectId: number,
  rows: readonly EnvironmentRow[],
): Promise<void> {
  const environmentIds = await idsBy<string>(db, environments, environments.slug, projectId);
  const deploymentIds = await idsBy<string>(db, deployments, deployments.vercelId, projectId);
  for (const env of rows) {
    const current = lookup(deploymentIds, env.currentVercelId);
    const environmentId = environmentIds.get(env.slug);
    if (current !== undefined && environmentId !== undefined)
      await setCurrentDeployment(db, environmentId, current, env.lastActivityAt!);
  }
}

export async function writeCiRuns(
  db: Database,
  projectId: number,
  rows: readonly CiRunRow[],
): Promise<void> {
  const pullRequestIds = await idsBy<number>(db, pullRequests, pullRequests.number, projectId);
  await upsertCiRuns(
    db,
    rows.map(({ pullRequestNumber, ...run }) => ({
      ...run,
      projectId,
      pullRequestId: lookup(pullRequestIds, pullRequestNumber),
    })),
  );
}

export async function writeTestRuns(
  db: Database,
  projectId: number,
  rows: readonly TestRunRow[],
): Promise<void> {
  const ciRunIds = await idsBy<number>(db, ciRuns, ciRuns.githubRunId, projectId);
  const environmentIds = await idsBy<string>(db, environments, environments.slug, projectId);
  const deploymentIds = await idsBy<string>(db, deployments, deployments.vercelId, projectId);
  const pullRequestIds = await idsBy<number>(db, pullRequests, pullRequests.number, projectId);
  await recordTestRuns(
    db,
    rows.map(({ run, cases }) => {
      const { githubRunId, environmentSlug, vercelId, pullRequestNumber, ...fields } = run;
      return {
        run: {
          ...fields,
          projectId,
          ciRunId: ciRunIds.get(githubRunId),
          environmentId: lookup(environmentIds, environmentSlug),
          deploymentId: lookup(deploymentIds, vercelId),
          pullRequestId: lookup(pullRequestIds, pullRequestNumber),
        },
        cases,
      };
    }),
  );
}

export async function writeCostSamples(
  db: Database,
  projectId: number,
  rows: readonly CostSampleRow[],
): Promise<void> {
  const environmentIds = await idsBy<string>(db, environments, environments.slug, projectId);
  const pullRequestIds = await idsBy<number>(db, pullRequests, pullRequests.number, projectId);
  await upsertCostSamples(
    db,
    rows.map(({ environmentSlug, pullRequestNumber, ...sample }) => ({
      ...sample,
      projectId,
      environmentId: lookup(environmentIds, environmentSlug),
      pullRequestId: lookup(pullRequestIds, pullRequestNumber),
    })),
  );
}

/** `now` is the history's: its day stays live, the days before it are closed in the rollup. */
export async function writeUptimeChecks(
  db: Database,
  projectId: number,
  rows: readonly UptimeCheckRow[],
  now = new Date(),
): Promise<void> {
  const environmentIds = await idsBy<string>(db, environments, environments.slug, projectId);
  await recordUptimeChecks(
    db,
    rows.map(({ environmentSlug, ...check }) => ({
      ...check,
      environmentId: environmentIds.get(environmentSlug)!,
    })),
    { now },
  );
}

/**
 * The history's operations in the audit log, recorded in the shape the operations write when
 * they run (see lib/operations/promote.ts, rollback.ts and delete-preview.ts), naming
 * deployments by their stored ids.
 */
export async function writeOperations(
  db: Database,
  projectId: number,
  projectSlug: string,
  rows: readonly OperationRow[],
): Promise<void> {
  const environmentIds = await idsBy<string>(db, environments, environments.slug, projectId);
  const deploymentIds = await idsBy<string>(db, deployments, deployments.vercelId, projectId);
  const stored = await db
    .select({
      id: deployments.id,
      vercelId: deployments.vercelId,
      url: deployments.url,
      sha: deployments.commitSha,
    })
    .from(deployments)
    .where(eq(deployments.projectId, projectId));
  const byVercelId = new Map(stored.map((row) => [row.vercelId, row]));
  const people = await db.select({ id: users.id, login: users.githubLogin }).from(users);
  const userIds = new Map(people.map((person) => [person.login, person.id]));
  const deploymentId = (vercelId: string | undefined) => lookup(deploymentIds, vercelId) ?? null;
  await recordFinishedOperations(
    db,
    rows.map((row, index) => {
      const operation: NewOperation = {
        projectId,
        environmentId: lookup(environmentIds, row.environmentSlug),
        kind: row.kind,
        state: 'succeeded',
        idempotencyKey: `demo:${projectSlug}:${row.kind}:${index}`,
        actorId: lookup(userIds, row.actor),
        reason: row.reason,
        requestedAt: row.requestedAt,
        startedAt: row.startedAt,
        finishedAt: row.finishedAt,
        createdAt: row.requestedAt,
      };
      switch (row.kind) {
        case 'promote': {
          const { sourceVercelId, previousVercelId, servedVercelId } = row.promotion;
          const served = byVercelId.get(servedVercelId);
          return {
            operation: {
              ...operation,
              before: {
                deploymentId: deploymentId(sourceVercelId),
                vercelId: sourceVercelId,
                commitSha: byVercelId.get(sourceVercelId)?.sha ?? null,
                productionDeploymentId: deploymentId(previousVercelId),
                pinned: false,
              },
              after: {
                accepted: 'at once (201)',
                servedVercelId,
                servedUrl: served?.url ?? null,
                productionDeploymentId: deploymentId(servedVercelId),
                pinned: false,
              },
            },
            approval: {
              approverId: lookup(userIds, row.approval.approver)!,
              decision: 'approved' as const,
              reason: row.approval.reason,
              createdAt: row.approval.at,
            },
          };
        }
        case 'rollback': {
          const { fromVercelId, targetVercelId, servedVercelId } = row.rollback;
          return {
            operation: {
              ...operation,
              before: {
                productionDeploymentId: deploymentId(fromVercelId),
                productionVercelId: fromVercelId,
                targetDeploymentId: deploymentId(targetVercelId),
                targetVercelId,
                restoreDatabase: false,
                pinned: false,
                supersededOperationIds: [],
              },
              after: {
                servedVercelId,
                productionDeploymentId: deploymentId(servedVercelId),
                pinned: true,
              },
            },
          };
        }
        case 'delete': {
          const { vercelIds, gitBranch, dbBranch, neonBranchId } = row.deletion;
          return {
            operation: {
              ...operation,
              before: {
                deployments: vercelIds,
                dbBranch: dbBranch ?? null,
                neonBranchId: neonBranchId ?? null,
                gitBranch,
              },
              after: {
                deployments: Object.fromEntries(vercelIds.map((id) => [id, 'deleted'])),
                ...(dbBranch && { dbBranchDeleted: dbBranch }),
                databaseUrlRemoved: gitBranch,
                status: 'deleted',
                prCommentId: null,
              },
            },
          };
        }
      }
    }),
  );
}

function deploymentInsert(
  { environmentSlug, pullRequestNumber, sourceVercelId, ...row }: DeploymentRow,
  projectId: number,
  environmentIds: ReadonlyMap<string, number>,
  pullRequestIds: ReadonlyMap<number, number>,
  deploymentIds: ReadonlyMap<string, number>,
) {
  return {
    ...row,
    projectId,
    environmentId: environmentIds.get(environmentSlug)!,
    pullRequestId: lookup(pullRequestIds, pullRequestNumber),
    sourceDeploymentId: lookup(deploymentIds, sourceVercelId),
  };
}

function lookup<Key>(ids: ReadonlyMap<Key, number>, key: Key | undefined): number | undefined {
  return key === undefined ? undefined : ids.get(key);
}

type KeyedTable =
  | typeof pullRequests
  | typeof dbBranches
  | typeof environments
  | typeof deployments
  | typeof ciRuns;

/** Natural key → id for one project's rows of a table. */
async function idsBy<Key extends string | number>(
  db: Database,
  table: KeyedTable,
  key: PgColumn,
  projectId: number,
): Promise<Map<Key, number>> {
  const rows = await db
    .select({ key, id: table.id })
    .from(table)
    .where(eq(table.projectId, projectId));
  return new Map(rows.map((row) => [row.key as Key, row.id]));
}
