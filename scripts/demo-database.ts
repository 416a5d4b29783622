import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type Project, projects, type SyncRun } from '@/db/schema';
import { markMigrationsValidated } from '@/db/writes';
import type { DemoHistory } from '@/lib/demo';
import {
  pointEnvironmentsAtDeployments,
  writeCiRuns,
  writeCostSamples,
  writeDbBranches,
  writeDemoProject,
  writeDeployments,
  writeEnvironments,
  writeOperations,
  writePullRequests,
  writeTestRuns,
  writeUptimeChecks,
} from '@/db/seed/write';
import { deleteProject } from '@/db/writes';
import { costWindow } from '@/lib/costs/cost-window';
import { neonConsumptionJob } from '@/lib/costs/neon-consumption-job';
import { vercelChargesJob } from '@/lib/costs/vercel-charges-job';
import { createGitHubClient } from '@/lib/providers/github/client';
import {
  githubConfigFromEnv,
  neonConfigFromEnv,
  neonPlanFromEnv,
  vercelConfigFromEnv,
} from '@/lib/settings/provider-settings';
import { createNeonClient } from '@/lib/providers/neon/client';
import { createVercelClient } from '@/lib/providers/vercel/client';
import { FIRST_SYNC_LOOKBACK_MS } from '@/lib/sync/cursor';
import { githubPullRequestsJob } from '@/lib/sync/github-pull-requests';
import { githubTeamRolesJob } from '@/lib/sync/github-team-roles';
import { githubWorkflowRunsJob } from '@/lib/sync/github-workflow-runs';
import { neonBranchesJob } from '@/lib/sync/neon-branches';
import { attemptSync, runSync } from '@/lib/sync/run-sync';
import { vercelDeploymentsJob } from '@/lib/sync/vercel-deployments';

/** The most days any cost sync reads in one request; its first run reads less. */
const COST_SYNC_MAX_DAYS = 366;

/**
 * Which part of the demo no provider can hand a first sync, so it is written from the generator:
 * envboard's own records (environments, uptime checks, test runs: reports are ingested as CI
 * uploads them, not listed), the cost of days before the cost syncs' first window and of the
 * uptime monitor, Neon branches already deleted (Neon forgets them), and provider history older
 * than the syncs' first look back (pull requests, deployments and runs created before it).
 * Deployments of previews already deleted are written too: a sync places a deployment only in a
 * live environment.
 */
export function demoPartsWithoutProvider(history: DemoHistory, now: Date) {
  const syncedSince = now.getTime() - FIRST_SYNC_LOOKBACK_MS;
  const before = (date: Date | null | undefined) => (date?.getTime() ?? 0) < syncedSince;
  const costsFrom = costWindow(null, now, COST_SYNC_MAX_DAYS).fromDay;
  const deletedEnvironments = new Set(
    history.environments.filter((env) => env.status === 'deleted').map((env) => env.slug),
  );
  return {
    pullRequests: history.pullRequests.filter(
      (pr) => pr.state !== 'open' && before(pr.providerUpdatedAt),
    ),
    dbBranches: history.dbBranches.filter((branch) => branch.state === 'deleted'),
    environments: history.environments,
    deployments: history.deployments.filter(
      (row) => before(row.providerCreatedAt) || deletedEnvironments.has(row.environmentSlug),
    ),
    ciRuns: history.ciRuns.filter((run) => before(run.providerCreatedAt)),
    testRuns: history.testRuns,
    costSamples: history.costSamples.filter(
      (sample) => sample.provider === 'monitoring' || sample.day < costsFrom,
    ),
    uptimeChecks: history.uptimeChecks,
    syncedSince: new Date(syncedSince),
    costsFrom,
  };
}

/** The provider clients, built from the environment the sandboxes exported. */
function sandboxClients(env: Record<string, string | undefined>) {
  return {
    github: createGitHubClient(githubConfigFromEnv(env)),
    vercel: createVercelClient(vercelConfigFromEnv(env)),
    neon: createNeonClient(neonConfigFromEnv(env)),
  };
}

/**
 * Fills an empty database with the demo the sandboxes hold: the parts no provider holds are
 * written from the generator, everything else arrives through the real sync jobs run against
 * the sandboxes, in the order the crons would bring it. `now` is the sync clock.
 */
export async function fillDemoDatabase(
  db: Database,
  history: DemoHistory,
  options: { env?: Record<string, string | undefined>; now?: () => Date } = {},
): Promise<SyncRun[]> {
  try {
    return await writeAndSync(db, history, options);
  } catch (error) {
    // A demo filled half-way would pass for a filled database at the next start: remove it, so
    // that start fills it again.
    await deleteProject(db, history.project.slug);
    throw error;
  }
}

async function writeAndSync(
  db: Database,
  history: DemoHistory,
  options: { env?: Record<string, string | undefined>; now?: () => Date },
): Promise<SyncRun[]> {
  const env = options.env ?? process.env;
  const now = options.now ?? (() => new Date());
  const seeded = demoPartsWithoutProvider(history, now());
  const clients = sandboxClients(env);

  // The generator's parts are written in transactions, as seedDemo does: one commit instead of
  // one per statement is most of the time on the embedded database.
  const inTransaction = <T>(work: (tx: Database) => Promise<T>) => db.transaction(work);
  const projectId = await inTransaction(async (tx) => {
    const id = await writeDemoProject(tx, history);
    await writePullRequests(tx, id, seeded.pullRequests);
    await writeDbBranches(tx, id, seeded.dbBranches);
    return id;
  });
  const project = await projectRow(db, projectId);

  const runs: SyncRun[] = [];
  const sync = async (job: Parameters<typeof runSync>[1]) => {
    runs.push(await runSync(db, job, now));
  };
  // Pull requests open their previews and Neon links them to their branches; the environments
  // written next find both to refer to.
  await sync(githubPullRequestsJob(clients, project));
  // The release managers' team, as the GitHub cron reads it.
  await sync(githubTeamRolesJob(clients, project, env));
  await sync(neonBranchesJob(clients, project));
  // Which branches had their migrations validated is envboard's record, not Neon's.
  for (const branch of history.dbBranches) {
    if (branch.state === 'deleted' || !branch.migrationsValidatedAt) continue;
    await markMigrationsValidated(db, branch.neonBranchId, branch.migrationsValidatedAt);
  }
  await inTransaction(async (tx) => {
    await writeEnvironments(tx, projectId, seeded.environments);
    await writeDeployments(tx, projectId, seeded.deployments);
  });
  await sync(vercelDeploymentsJob(clients, project));
  await inTransaction((tx) => writeCiRuns(tx, projectId, seeded.ciRuns));
  await sync(githubWorkflowRunsJob(clients, project));

  await inTransaction(async (tx) => {
    await pointEnvironmentsAtDeployments(tx, projectId, history.environments);
    await writeTestRuns(tx, projectId, seeded.testRuns);
    await writeUptimeChecks(tx, projectId, seeded.uptimeChecks, now());
    await writeCostSamples(tx, projectId, seeded.costSamples);
    // The audit log is envboard's own record: no provider holds it.
    await writeOperations(tx, projectId, history.project.slug, history.operations);
  });
  const costJobs = [
    neonConsumptionJob({ neon: clients.neon, projectId, plan: neonPlanFromEnv(env) }),
    vercelChargesJob({
      vercel: clients.vercel,
      projectId,
      vercelProjectId: project.vercelProjectId,
    }),
  ];
  for (const job of costJobs) {
    const attempt = await attemptSync(db, job, now);
    if (attempt.ok) runs.push(attempt.run);
  }
  return runs;
}

async function projectRow(db: Database, id: number): Promise<Project> {
  const [row] = await db.select().from(projects).where(eq(projects.id, id));
  if (!row) throw new Error(`project ${id} vanished while the demo was being written`);
  return row;
}

/** One line per sync: what it saw and changed, and what went wrong. */
export function describeSyncRuns(runs: readonly SyncRun[]): string[] {
  return runs.map((run) => {
    const errors = run.errors?.length ? `, ${run.errors.length} errors: ${run.errors[0]}` : '';
    return `  ${run.kind.padEnd(22)} ${run.status}: ${run.itemsSeen} seen, ${run.itemsChanged} changed, ${run.apiCalls} calls${errors}`;
  });
}
