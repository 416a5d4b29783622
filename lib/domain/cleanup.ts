/**
 * What the nightly cleanup may delete, and when it must not run at all. Pure: the facts come in
 * from the database and the providers, the decisions come out, so the admin page's dry run and
 * the sweep are the same computation.
 */

import type { PullRequestState } from './pull-requests';

/** The Neon branch name envboard gives a preview's database: `preview/<git branch>`. */
export const PREVIEW_BRANCH_PREFIX = 'preview/';

export type CleanupCandidate =
  | { kind: 'preview'; key: string; environmentId: number; name: string; reason: string }
  | { kind: 'neon_branch'; key: string; neonBranchId: string; name: string; reason: string }
  | { kind: 'deployment'; key: string; vercelId: string; gitBranch: string; reason: string };

/** One preview environment envboard recorded, live or deleted, with its pull request. */
export interface PreviewRecord {
  environmentId: number;
  name: string;
  gitBranch: string;
  active: boolean;
  /** Its pin holds now (a pin lapses at its end date): idle or not, it stays. */
  pinned: boolean;
  lastActivityAt: Date;
  pullRequest: { number: number; state: PullRequestState } | null;
}

export interface CleanupFacts {
  previews: readonly PreviewRecord[];
  /** Every active environment (any kind): its id, git branch and database branch. */
  activeEnvironments: readonly {
    id: number;
    gitBranch: string;
    neonBranchId: string | null;
  }[];
  /** Head branches with an open pull request, in the board's records or at GitHub right now. */
  openHeadBranches: ReadonlySet<string>;
  /** Neon branch id → the preview environment envboard's provisioning created it for. */
  createdNeonBranches: ReadonlyMap<string, number>;
  /** Vercel deployments envboard recorded under a non-preview environment (never orphans). */
  nonPreviewDeployments: ReadonlySet<string>;
  neonBranches: readonly { id: string; name: string }[];
  deployments: readonly { uid: string; gitBranch: string | undefined; target: string | null }[];
  /** A preview idle since before this is removed, unless pinned. */
  idleBefore: Date;
}

const closedPullRequest = (preview: PreviewRecord | undefined) =>
  preview?.pullRequest && preview.pullRequest.state !== 'open' ? preview.pullRequest : undefined;

/**
 * Everything cleanup would delete, previews first, each with its reason. An orphan (a Neon
 * branch or a Vercel preview deployment) qualifies only when envboard created it for a preview,
 * that preview's pull request is closed and no pull request on its branch is open, and no
 * active environment (production, staging, development, a live preview…) uses its git branch.
 */
export function cleanupCandidates(facts: CleanupFacts): CleanupCandidate[] {
  const activeBranchUsers = new Map<string, number[]>();
  for (const environment of facts.activeEnvironments) {
    const users = activeBranchUsers.get(environment.gitBranch) ?? [];
    activeBranchUsers.set(environment.gitBranch, [...users, environment.id]);
  }
  const activeNeonBranches = new Set(facts.activeEnvironments.map((e) => e.neonBranchId));
  const inUse = (gitBranch: string) =>
    activeBranchUsers.has(gitBranch) || facts.openHeadBranches.has(gitBranch);
  const byId = new Map(facts.previews.map((preview) => [preview.environmentId, preview]));

  const candidates: CleanupCandidate[] = [];
  for (const preview of facts.previews) {
    if (!preview.active) continue;
    // Another live environment on the same git branch would lose its deployments with it.
    const sharing = activeBranchUsers.get(preview.gitBranch) ?? [];
    if (sharing.some((id) => id !== preview.environmentId)) continue;
    const reason = previewReason(preview, facts);
    if (reason) {
      candidates.push({
        kind: 'preview',
        key: `preview:${preview.environmentId}`,
        environmentId: preview.environmentId,
        name: preview.name,
        reason,
      });
    }
  }

  for (const branch of facts.neonBranches) {
    if (!branch.name.startsWith(PREVIEW_BRANCH_PREFIX) || activeNeonBranches.has(branch.id)) {
      continue;
    }
    const environmentId = facts.createdNeonBranches.get(branch.id);
    const pullRequest = closedPullRequest(byId.get(environmentId ?? -1));
    const gitBranch = branch.name.slice(PREVIEW_BRANCH_PREFIX.length);
    if (!pullRequest || inUse(gitBranch)) continue;
    candidates.push({
      kind: 'neon_branch',
      key: `neon_branch:${branch.id}`,
      neonBranchId: branch.id,
      name: branch.name,
      reason: `envboard created it for pull request #${pullRequest.number} (${pullRequest.state}); no open pull request or active environment uses ${gitBranch}`,
    });
  }

  const closedByBranch = new Map<string, { number: number; state: string }>();
  for (const preview of facts.previews) {
    const pullRequest = closedPullRequest(preview);
    if (pullRequest) closedByBranch.set(preview.gitBranch, pullRequest);
  }
  for (const deployment of facts.deployments) {
    const { gitBranch } = deployment;
    // Production and staging builds carry a target; preview builds have none.
    if (deployment.target || !gitBranch || facts.nonPreviewDeployments.has(deployment.uid)) {
      continue;
    }
    const pullRequest = closedByBranch.get(gitBranch);
    if (!pullRequest || inUse(gitBranch)) continue;
    candidates.push({
      kind: 'deployment',
      key: `deployment:${deployment.uid}`,
      vercelId: deployment.uid,
      gitBranch,
      reason: `preview build of ${gitBranch}, whose pull request #${pullRequest.number} is ${pullRequest.state}; no open pull request or active environment uses ${gitBranch}`,
    });
  }
  return candidates;
}

function previewReason(preview: PreviewRecord, facts: CleanupFacts): string | undefined {
  const { pullRequest } = preview;
  if (!pullRequest) return 'pull request gone';
  // The board's copy says closed, yet GitHub lists an open one on this branch: not yet.
  if (pullRequest.state !== 'open' && !facts.openHeadBranches.has(preview.gitBranch)) {
    return `pull request #${pullRequest.number} ${pullRequest.state}`;
  }
  if (!preview.pinned && preview.lastActivityAt < facts.idleBefore) {
    return `idle since ${preview.lastActivityAt.toISOString()}`;
  }
  return undefined;
}

export interface RefusalFacts {
  /** When the pull-request sync last succeeded (started); null when it never has. */
  lastPullRequestSyncAt: Date | null;
  /** Twice the pull-request sync's schedule: older than this, its view is stale. */
  maxSyncAgeMs: number;
  now: Date;
  /** How many open pull requests GitHub lists right now. */
  providerOpenPullRequests: number;
  /** Active previews whose pull request the board holds open. */
  previewsWithOpenPullRequest: number;
}

/** Why cleanup must not delete anything now, or null when it may. */
export function cleanupRefusal(facts: RefusalFacts): string | null {
  const minutes = Math.round(facts.maxSyncAgeMs / 60_000);
  if (!facts.lastPullRequestSyncAt) {
    return 'the pull-request sync has never succeeded, so which pull requests are closed is unknown';
  }
  const age = facts.now.getTime() - facts.lastPullRequestSyncAt.getTime();
  if (age > facts.maxSyncAgeMs) {
    return `the pull-request sync last succeeded at ${facts.lastPullRequestSyncAt.toISOString()}, more than ${minutes} min (twice its schedule) ago, so which pull requests are closed is not known`;
  }
  if (facts.providerOpenPullRequests === 0 && facts.previewsWithOpenPullRequest > 0) {
    return `GitHub lists no open pull request while the board has ${facts.previewsWithOpenPullRequest} preview(s) of open ones; refusing rather than treating them all as closed`;
  }
  return null;
}

/** The first `max` candidates are deleted this run; the rest wait for the next one. */
export function boundCandidates<T>(candidates: readonly T[], max: number) {
  return { now: candidates.slice(0, max), deferred: candidates.slice(max) };
}
