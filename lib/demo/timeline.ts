import type { TestSuite } from '@/lib/domain/test-runs';
import type { ChangeTopic } from './vocabulary';

export type PushTarget = 'preview' | 'staging' | 'development';

/**
 * One push to a branch: Vercel builds a deployment for it and GitHub Actions runs CI on it.
 * Everything else in the history (deployments, CI runs, test runs, costs) hangs off pushes.
 */
export interface Push {
  environmentSlug: string;
  target: PushTarget;
  branch: string;
  sha: string;
  at: number;
  message: string;
  author: string;
  /** For pushes to a pull request's branch. */
  pullRequestNumber?: number;
  topic?: ChangeTopic;
  /** A real bug: this suite fails on this commit, and a later push fixes it. */
  failingSuite?: TestSuite;
  buildFails?: boolean;
  /** A newer push to the same branch arrived before this one's build and CI finished. */
  supersededAt?: number;
  /** A release depends on this build, so it never fails and is never superseded. */
  critical?: boolean;
}

export interface PullRequestPlan {
  number: number;
  topic: ChangeTopic;
  author: string;
  state: 'open' | 'closed' | 'merged';
  draft: boolean;
  pinned: boolean;
  openedAt: number;
  closedAt?: number;
  mergedAt?: number;
  pushes: Push[];
  /** The squash commit on `main`, for merged pull requests. */
  merge?: Push;
  /** Part of a story (a bad release, a runaway preview, a fix): its builds never fail by chance. */
  scripted: boolean;
  /** Neon branches previews from staging's data, a few from production's schema only. */
  dbParent: 'staging' | 'main';
}

/** The moments a bad release went out and was rolled back, fixed and promoted again. */
export interface BadRelease {
  culpritMergeAt: number;
  promoteAt: number;
  rollbackAt: number;
  hotfixOpenAt: number;
  hotfixMergeAt: number;
  hotfixPromoteAt: number;
}

/** A window in which an environment's health check failed. */
export interface Incident {
  environmentSlug: string;
  from: number;
  to: number;
  failure: 'http_503' | 'timeout';
}

export const previewSlug = (pullRequestNumber: number) => `pr-${pullRequestNumber}`;

/**
 * A push superseded by the next one on the same branch within a few minutes is canceled:
 * Vercel drops the queued build, and CI's concurrency group cancels the run in progress.
 */
export const SUPERSEDE_WINDOW_MS = 4 * 60_000;

export function markSuperseded(pushes: Push[]): void {
  for (let index = 0; index + 1 < pushes.length; index += 1) {
    const push = pushes[index]!;
    const next = pushes[index + 1]!;
    if (!push.critical && next.at - push.at < SUPERSEDE_WINDOW_MS) push.supersededAt = next.at;
  }
}
