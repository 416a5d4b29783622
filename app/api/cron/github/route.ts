import { getDb } from '@/db/client';
import { cronRoute } from '@/lib/http/cron-route';
import { requireProject } from '@/lib/http/project';
import { providers } from '@/lib/providers/from-env';
import { githubPullRequestsJob } from '@/lib/sync/github-pull-requests';
import { githubWorkflowRunsJob } from '@/lib/sync/github-workflow-runs';
import { runSync } from '@/lib/sync/run-sync';

/**
 * Vercel Cron: GitHub's truth behind the webhooks. Pull requests first, so the runs that follow
 * find the pull request they belong to.
 */
export const GET = cronRoute(async () => {
  const db = getDb();
  const project = await requireProject(db);
  const pulls = await runSync(db, githubPullRequestsJob(providers, project));
  const runs = await runSync(db, githubWorkflowRunsJob(providers, project));
  return { runs: [pulls, runs] };
});
