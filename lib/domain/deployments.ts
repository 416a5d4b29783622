export const DEPLOYMENT_STATES = ['queued', 'building', 'ready', 'error', 'canceled'] as const;
export type DeploymentState = (typeof DEPLOYMENT_STATES)[number];
export const DEPLOYMENT_TARGETS = ['production', 'staging', 'development', 'preview'] as const;
export type DeploymentTarget = (typeof DEPLOYMENT_TARGETS)[number];
export const DEPLOYMENT_SORTS = ['newest', 'slowest'] as const;
export type DeploymentSort = (typeof DEPLOYMENT_SORTS)[number];

export interface DeploymentListItem {
  id: number;
  vercelId: string;
  url: string;
  environmentSlug: string;
  environmentName: string;
  environmentKind: DeploymentTarget;
  target: DeploymentTarget;
  state: DeploymentState;
  source: 'git' | 'promote' | 'rollback' | 'redeploy';
  gitBranch: string;
  commitSha: string;
  commitMessage: string;
  commitAuthor: string;
  errorMessage: string | null;
  createdAt: Date;
  readyAt: Date | null;
  buildDurationMs: number | null;
  pullRequestNumber: number | null;
}
