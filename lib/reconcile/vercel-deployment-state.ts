import type { Deployment, Environment } from '@/db/schema';
import type {
  VercelDeployment,
  VercelDeploymentSummary,
  readyStates,
} from '@/lib/providers/vercel/schemas';

export type DeploymentState = Deployment['state'];
type ReadyState = (typeof readyStates)[number];

/**
 * One Vercel deployment as envboard applies it, whichever way it was learned: a REST answer
 * (the sync) or a webhook (which names the deployment but carries no build state of its own:
 * the event type says what happened).
 */
export interface VercelDeploymentChange {
  id: string;
  /** Vercel's hostname, without a scheme. */
  url: string;
  target: 'production' | 'staging' | null;
  /** Undefined when the observation says nothing about the build, e.g. a promotion. */
  state?: DeploymentState;
  /** Vercel's git metadata: githubCommitRef, githubCommitSha, githubCommitMessage… */
  meta: Record<string, string>;
  createdAt?: Date;
  readyAt?: Date;
  errorMessage?: string;
  /** The provider's time for this observation; of two, the later one wins. */
  observedAt: Date;
  /** Set when the deployment now serves production because of a promote or an instant rollback. */
  servedBy?: 'promote' | 'rollback';
}

/** Vercel's readyState in the board's words; `DELETED` has none (the row keeps its last state). */
export function deploymentState(readyState: ReadyState | undefined): DeploymentState | undefined {
  switch (readyState) {
    case 'QUEUED':
    case 'INITIALIZING':
      return 'queued';
    case 'BUILDING':
      return 'building';
    case 'READY':
      return 'ready';
    case 'ERROR':
    case 'BLOCKED':
      return 'error';
    case 'CANCELED':
      return 'canceled';
    default:
      return undefined;
  }
}

const RANK: Record<DeploymentState, number> = {
  queued: 0,
  building: 1,
  ready: 2,
  error: 2,
  canceled: 2,
};

/**
 * Builds only move forward (queued → building → an outcome), whatever order the news arrives
 * in: a later stage always wins; within a stage, the later observation.
 */
export function isNewerThanStored(
  stored: Pick<Deployment, 'state' | 'providerUpdatedAt'>,
  change: Pick<VercelDeploymentChange, 'state' | 'observedAt'>,
): boolean {
  const incomingRank = RANK[change.state ?? stored.state];
  if (incomingRank !== RANK[stored.state]) return incomingRank > RANK[stored.state];
  return change.observedAt >= stored.providerUpdatedAt;
}

type DeploymentSource = Deployment['source'];

/**
 * How a deployment first seen without news of a promote or rollback came to be, from Vercel's git
 * metadata alone: built from git when it names the commit, unless production serves another
 * branch's commit (a build promoted from elsewhere, with nothing to say so). Otherwise unknown:
 * a CLI upload carries no commit.
 */
export function buildOrigin(
  meta: Record<string, string>,
  environment: Pick<Environment, 'kind' | 'gitBranch'>,
): DeploymentSource {
  if (!meta.githubCommitSha) return 'unknown';
  if (environment.kind === 'production' && meta.githubCommitRef !== environment.gitBranch) {
    return 'unknown';
  }
  return 'git';
}

/**
 * A stored label after news of a promote or rollback, whatever order the news comes in: a
 * promotion says how the deployment came to serve production (over `git` too: the build now
 * serves as a promotion), a rollback only names a deployment whose origin was unknown.
 */
export function sourceAfter(
  stored: DeploymentSource,
  servedBy: VercelDeploymentChange['servedBy'],
): DeploymentSource {
  if (servedBy === 'promote' && (stored === 'git' || stored === 'unknown')) return 'promote';
  if (servedBy === 'rollback' && stored === 'unknown') return 'rollback';
  return stored;
}

const asTarget = (target: string | null | undefined) =>
  target === 'production' || target === 'staging' ? target : null;

/**
 * REST copies carry no update time: a finished build is as of `ready`, anything else as of
 * its creation, which the ordering above keeps from undoing later news.
 */
export function fromVercelSummary(summary: VercelDeploymentSummary): VercelDeploymentChange {
  return {
    id: summary.uid,
    url: summary.url,
    target: asTarget(summary.target),
    state: deploymentState(summary.readyState ?? summary.state),
    meta: summary.meta ?? {},
    createdAt: new Date(summary.created),
    readyAt: summary.ready ? new Date(summary.ready) : undefined,
    observedAt: new Date(summary.ready ?? summary.created),
  };
}

export function fromVercelDeployment(deployment: VercelDeployment): VercelDeploymentChange {
  return {
    id: deployment.id,
    url: deployment.url,
    target: asTarget(deployment.target),
    state: deploymentState(deployment.readyState),
    meta: deployment.meta ?? {},
    createdAt: new Date(deployment.createdAt),
    readyAt: deployment.ready ? new Date(deployment.ready) : undefined,
    observedAt: new Date(deployment.ready ?? deployment.createdAt),
  };
}
