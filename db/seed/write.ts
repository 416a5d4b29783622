import { eq } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Database } from '../client';
import { ciRuns, dbBranches, deployments, environments, pullRequests } from '../schema';
import {
  deleteProject,
  recordTestRuns,
  recordUptimeChecks,
  setCurrentDeployment,
  setMembership,
  upsertCiRuns,
  upsertCostSamples,
  upsertDbBranch,
  upsertDeployments,
  upsertEnvironment,
  upsertProject,
  upsertPullRequest,
  upsertUser,
} from '../writes';
import type { DeploymentRow, DemoHistory } from './types';

/**
 * Writes the history through the same write functions live ingest uses. Rows refer to each other
 * by provider identities; each step reads back the ids the previous steps stored.
 *
 * An earlier demo project is removed first: a history generated for another `now` lands its
 * events on other days, and upserting it over the old one would blend two histories.
 */
export async function writeDemoHistory(db: Database, history: DemoHistory): Promise<void> {
  await deleteProject(db, history.project.slug);
  const { id: projectId } = await upsertProject(db, history.project);
  for (const { role, share: _share, ...person } of history.team) {
    const user = await upsertUser(db, person);
    await setMembership(db, { userId: user.id, projectId, role });
  }

  for (const pr of history.pullRequests) await upsertPullRequest(db, { ...pr, projectId });
  const pullRequestIds = await idsBy<number>(db, pullRequests, pullRequests.number, projectId);
  for (const branch of history.dbBranches) await upsertDbBranch(db, { ...branch, projectId });
  const branchIds = await idsBy<string>(db, dbBranches, dbBranches.neonBranchId, projectId);

  for (const {
    pullRequestNumber,
    neonBranchId,
    currentVercelId: _,
    ...env
  } of history.environments) {
    await upsertEnvironment(db, {
      ...env,
      projectId,
      pullRequestId: lookup(pullRequestIds, pullRequestNumber),
      dbBranchId: lookup(branchIds, neonBranchId),
    });
  }
  const environmentIds = await idsBy<string>(db, environments, environments.slug, projectId);

  // A promote points at a staging build and a rollback at an earlier promote: write in that order.
  let deploymentIds = new Map<string, number>();
  for (const source of ['git', 'promote', 'rollback'] as const) {
    const rows = history.deployments.filter((row) => row.source === source);
    await upsertDeployments(
      db,
      rows.map((row) =>
        deploymentInsert(row, projectId, environmentIds, pullRequestIds, deploymentIds),
      ),
    );
    deploymentIds = await idsBy<string>(db, deployments, deployments.vercelId, projectId);
  }
  for (const env of history.environments) {
    const current = lookup(deploymentIds, env.currentVercelId);
    if (current !== undefined)
      await setCurrentDeployment(db, environmentIds.get(env.slug)!, current, env.lastActivityAt!);
  }

  await upsertCiRuns(
    db,
    history.ciRuns.map(({ pullRequestNumber, ...run }) => ({
      ...run,
      projectId,
      pullRequestId: lookup(pullRequestIds, pullRequestNumber),
    })),
  );
  const ciRunIds = await idsBy<number>(db, ciRuns, ciRuns.githubRunId, projectId);
  await recordTestRuns(
    db,
    history.testRuns.map(({ run, cases }) => {
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

  await upsertCostSamples(
    db,
    history.costSamples.map(({ environmentSlug, pullRequestNumber, ...sample }) => ({
      ...sample,
      projectId,
      environmentId: lookup(environmentIds, environmentSlug),
      pullRequestId: lookup(pullRequestIds, pullRequestNumber),
    })),
  );
  await recordUptimeChecks(
    db,
    history.uptimeChecks.map(({ environmentSlug, ...check }) => ({
      ...check,
      environmentId: environmentIds.get(environmentSlug)!,
    })),
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
