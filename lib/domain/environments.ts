import type { DeploymentSource, DeploymentState } from './deployments';
import type { PullRequestState } from './pull-requests';

/** Environment rules and read models: pure, so they test in milliseconds. */

export const ENVIRONMENT_KINDS = ['production', 'staging', 'development', 'preview'] as const;
export type EnvironmentKind = (typeof ENVIRONMENT_KINDS)[number];

/** A deleted environment keeps its row (and its history); only its resources are gone. */
export const ENVIRONMENT_STATUSES = ['active', 'deleted'] as const;
export type EnvironmentStatus = (typeof ENVIRONMENT_STATUSES)[number];

/** A Neon branch as envboard holds it: being created, usable, or gone. */
export const DB_BRANCH_STATES = ['init', 'ready', 'deleted'] as const;
export type DbBranchState = (typeof DB_BRANCH_STATES)[number];

export const ENVIRONMENT_KIND_LABEL: Record<EnvironmentKind, string> = {
  production: 'Production',
  staging: 'Staging',
  development: 'Development',
  preview: 'Preview',
};

/** Long-lived environments first, in the order a release moves through them backwards. */
export function kindRank(kind: EnvironmentKind): number {
  return ENVIRONMENT_KINDS.indexOf(kind);
}

/** How close a temporary environment is to being cleaned up. */
export type ExpiryState = 'none' | 'ok' | 'soon' | 'expired';

export const EXPIRY_WARNING_MS = 24 * 3_600_000;

/** `soon` inside the last 24 hours, `expired` once the moment has passed. */
export function expiryState(expiresAt: Date | null | undefined, now: Date): ExpiryState {
  if (!expiresAt) return 'none';
  const left = expiresAt.getTime() - now.getTime();
  if (left <= 0) return 'expired';
  return left < EXPIRY_WARNING_MS ? 'soon' : 'ok';
}

/**
 * The one state the board shows for an environment, on every page that lists it (Previews and
 * Environments read it from here): `deleted` once deleted; for a preview, its newest
 * deployment's state (a failed or running build of the latest push is what the pull request
 * is waiting on, even while an older build still serves); for a long-lived environment, the
 * state of what it serves (a rollback serves an older build on purpose); `none` with neither.
 */
export type EnvironmentState = DeploymentState | 'deleted' | 'none';

export function environmentState(
  environment: { kind: EnvironmentKind; status: EnvironmentStatus },
  deployments: {
    latest: { state: DeploymentState } | null | undefined;
    current: { state: DeploymentState } | null | undefined;
  },
): EnvironmentState {
  if (environment.status === 'deleted') return 'deleted';
  const shown =
    environment.kind === 'preview'
      ? (deployments.latest ?? deployments.current)
      : (deployments.current ?? null);
  return shown?.state ?? 'none';
}

/** The deployment an environment serves now. */
export interface ServedDeployment {
  id: number;
  state: DeploymentState;
  source: DeploymentSource;
  url: string;
  commitSha: string;
  commitMessage: string;
  commitAuthor: string;
  gitBranch: string;
  /** The provider's creation time. */
  createdAt: Date;
  readyAt: Date | null;
  /** The provider's last update; a promote records its time here (servingSince). */
  updatedAt: Date;
}

/** One row of the environments list. */
export interface EnvironmentListItem {
  id: number;
  slug: string;
  name: string;
  kind: EnvironmentKind;
  /** kindRank(kind): the list's sort key, and half of its cursor. */
  kindRank: number;
  status: EnvironmentStatus;
  /** environmentState: the state every list shows. */
  state: EnvironmentState;
  gitBranch: string;
  url: string | null;
  pinned: boolean;
  expiresAt: Date | null;
  lastActivityAt: Date;
  deletedAt: Date | null;
  pullRequest: { number: number; title: string } | null;
  dbBranch: { name: string; neonBranchId: string } | null;
  current: ServedDeployment | null;
}

/** One environment as its page shows it: what it serves, its pull request and database branch. */
export interface EnvironmentDetail extends Omit<
  EnvironmentListItem,
  'pullRequest' | 'dbBranch' | 'current' | 'state'
> {
  healthUrl: string | null;
  pinnedUntil: Date | null;
  pinReason: string | null;
  pinnedBy: string | null;
  frozenFrom: Date | null;
  frozenUntil: Date | null;
  freezeReason: string | null;
  frozenBy: string | null;
  createdAt: Date;
  pullRequest: {
    id: number;
    number: number;
    title: string;
    author: string;
    state: PullRequestState;
    htmlUrl: string | null;
    headBranch: string;
    fromFork: boolean;
  } | null;
  /** For a preview: the long-lived environment on its branch, which keeps it unprovisioned. */
  environmentOnBranch: string | null;
  dbBranch: {
    name: string;
    neonBranchId: string;
    state: DbBranchState;
    protected: boolean;
    logicalSizeBytes: number;
    computeSeconds: number;
    migrationsValidatedAt: Date | null;
    lastResetAt: Date | null;
    expiresAt: Date | null;
    createdAt: Date;
    parentNeonBranchId: string | null;
    parentName: string | null;
  } | null;
  current: (ServedDeployment & { vercelId: string }) | null;
}

/** What an environment has cost this calendar month (UTC) and since it was created. */
export interface EnvironmentCost {
  monthToDateUsd: number;
  lifetimeUsd: number;
}
