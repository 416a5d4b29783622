export const DEPLOYMENT_STATES = ['queued', 'building', 'ready', 'error', 'canceled'] as const;
export type DeploymentState = (typeof DEPLOYMENT_STATES)[number];
export const DEPLOYMENT_TARGETS = ['production', 'staging', 'development', 'preview'] as const;
export type DeploymentTarget = (typeof DEPLOYMENT_TARGETS)[number];
/**
 * How a deployment came to be or to serve: built from git, promoted, rolled back to, redeployed
 * — or unknown, when nothing envboard saw (its own operations, Vercel's webhooks and git
 * metadata) says which. Never guessed as `git`.
 */
export const DEPLOYMENT_SOURCES = ['git', 'promote', 'rollback', 'redeploy', 'unknown'] as const;
export type DeploymentSource = (typeof DEPLOYMENT_SOURCES)[number];
export const DEPLOYMENT_SOURCE_LABELS: Record<DeploymentSource, string> = {
  git: 'Built from git',
  promote: 'Promoted',
  rollback: 'Rolled back',
  redeploy: 'Redeployed',
  unknown: 'Origin unknown',
};
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
  source: DeploymentSource;
  gitBranch: string;
  commitSha: string;
  commitMessage: string;
  commitAuthor: string;
  errorMessage: string | null;
  createdAt: Date;
  readyAt: Date | null;
  /** When a promote made it serve production (servingSince), or null. */
  promotedAt: Date | null;
  buildDurationMs: number | null;
  pullRequestNumber: number | null;
}

/**
 * When a deployment began serving: the provider's last change to it, which a promotion or a
 * rollback records as its time (a deployment serves again from the moment it is rolled back
 * to), else when its build was ready; its creation time when neither is known.
 */
export function servingSince(deployment: {
  createdAt: Date;
  readyAt: Date | null;
  updatedAt: Date;
}): Date {
  const { readyAt, updatedAt } = deployment;
  return readyAt && readyAt > updatedAt ? readyAt : (updatedAt ?? deployment.createdAt);
}
