import type { Project } from '@/db/schema';
import type { ProviderClients } from '@/lib/providers/from-env';
import { githubPullRequestsJob } from './github-pull-requests';
import { githubWorkflowRunsJob } from './github-workflow-runs';
import { neonBranchesJob } from './neon-branches';
import type { SyncJob } from './run-sync';
import { vercelDeploymentsJob } from './vercel-deployments';

export { GITHUB_PULL_REQUESTS, githubPullRequestsJob } from './github-pull-requests';
export { GITHUB_WORKFLOW_RUNS, githubWorkflowRunsJob } from './github-workflow-runs';
export { NEON_BRANCHES, neonBranchesJob } from './neon-branches';
export { VERCEL_DEPLOYMENTS, vercelDeploymentsJob } from './vercel-deployments';

/**
 * Every live-data sync in the order a full pass runs them: pull requests before the runs and
 * deployments that look their pull request and preview up, Neon last to link previews to their
 * branches. For a launcher that runs them in-process with clients of its own.
 */
export function liveDataSyncJobs(clients: ProviderClients, project: Project): SyncJob[] {
  return [
    githubPullRequestsJob(clients, project),
    githubWorkflowRunsJob(clients, project),
    vercelDeploymentsJob(clients, project),
    neonBranchesJob(clients, project),
  ];
}
