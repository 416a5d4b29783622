import { eq } from 'drizzle-orm';
import { environments } from '@/db/schema';
import { provision } from '@/lib/operations';
import { cleanupSettings } from '@/lib/sync/cron-syncs';
import { githubPullRequestsJob } from '@/lib/sync/github-pull-requests';
import { runSync } from '@/lib/sync/run-sync';
import { openPullRequest, REPO, type World } from './world';

/** Cleanup's settings as production has them: the real schedule, CLEANUP_MAX_DELETIONS unset. */
export const SETTINGS = cleanupSettings({});

/** The pull-request sync, run for real against the GitHub sandbox (as if at `at`). */
export function syncPullRequests(world: World, at?: Date) {
  const job = githubPullRequestsJob(world.clients, world.project);
  return runSync(world.db, job, at ? () => at : undefined);
}

/** A pull request opened at GitHub and provisioned by envboard: its preview and Neon branch. */
export async function provisionedPreview(world: World, branch: string) {
  const pr = await openPullRequest(world, branch);
  const result = await provision(world.db, world.clients, { pullRequest: pr });
  if (!result.ok) throw new Error(result.message);
  const environment = (await world.db.query.environments.findFirst({
    where: (e, { eq: is }) => is(e.pullRequestId, pr.id),
  }))!;
  return { pr, environment, neonBranchId: result.operation.after!.neonBranchId as string };
}

/**
 * Closes a pull request at GitHub a second later than now: GitHub's times are whole seconds,
 * and a close within the second it was opened would read as older than the stored copy.
 */
export function closeAtGitHub(world: World, number: number, merge = false) {
  const at = new Date(Date.now() + 1000);
  world.github.change.closePullRequest(`${REPO.owner}/${REPO.name}`, number, { merge, at });
}

export async function environmentStatus(world: World, id: number) {
  const [row] = await world.db.select().from(environments).where(eq(environments.id, id));
  return row!.status;
}

export const neonBranchNames = (world: World) =>
  [...world.neon.store.branches.values()].map((branch) => branch.name);

/** A Vercel preview build (no target) of a git branch. */
export const previewBuild = (world: World, gitBranch: string) =>
  world.vercel.store.addDeployment({ projectId: 'prj_shop', meta: { githubCommitRef: gitBranch } });
