import { SECOND } from './clock';
import { deploymentUrl, vercelDeploymentId } from './ids';
import { clamp, type Random } from './random';
import { GITHUB_REPO, VERCEL_SCOPE } from './team';
import type { Push, PushTarget } from './timeline';
import type { DeploymentRow } from './types';
import { buildErrorMessage } from './vocabulary';

/** Typical `next build` times on Vercel for each kind of build; staging builds the most pages. */
const MEDIAN_BUILD_MS: Record<PushTarget, number> = {
  preview: 95 * SECOND,
  staging: 120 * SECOND,
  development: 100 * SECOND,
};
export const MIN_BUILD_MS = 40 * SECOND;
export const MAX_BUILD_MS = 240 * SECOND;

export const newDeploymentUrl = (random: Random) =>
  deploymentUrl(random, GITHUB_REPO, VERCEL_SCOPE);

/** The deployment Vercel builds for each push, keyed by the push it came from. */
export function gitDeployments(random: Random, pushes: readonly Push[]): Map<Push, DeploymentRow> {
  const built = new Map<Push, DeploymentRow>();
  for (const push of pushes) built.set(push, gitDeployment(random, push));
  return built;
}

function gitDeployment(random: Random, push: Push): DeploymentRow {
  const createdAt = push.at + random.int(4, 20) * SECOND;
  const buildStartedAt = createdAt + Math.round(clamp(random.logNormal(6, 0.6), 2, 60)) * SECOND;
  const fullBuild = Math.round(
    clamp(random.logNormal(MEDIAN_BUILD_MS[push.target], 0.35), MIN_BUILD_MS, MAX_BUILD_MS),
  );
  const base = {
    vercelId: vercelDeploymentId(random),
    url: newDeploymentUrl(random),
    environmentSlug: push.environmentSlug,
    pullRequestNumber: push.pullRequestNumber,
    target: push.target,
    source: 'git' as const,
    gitBranch: push.branch,
    commitSha: push.sha,
    commitMessage: push.message,
    commitAuthor: push.author,
    providerCreatedAt: new Date(createdAt),
    buildStartedAt: new Date(buildStartedAt),
  };
  if (push.supersededAt !== undefined) {
    // Vercel cancels the older build as soon as the newer commit's build is queued.
    const canceledAt = Math.max(push.supersededAt + random.int(5, 20) * SECOND, buildStartedAt);
    return { ...base, state: 'canceled', providerUpdatedAt: new Date(canceledAt) };
  }
  if (push.buildFails) {
    const failedAfter = Math.round(fullBuild * random.float(0.35, 0.8));
    return {
      ...base,
      state: 'error',
      errorMessage: buildErrorMessage(random, push.topic),
      buildDurationMs: failedAfter,
      providerUpdatedAt: new Date(buildStartedAt + failedAfter),
    };
  }
  const readyAt = buildStartedAt + fullBuild + random.int(2, 6) * SECOND;
  return {
    ...base,
    state: 'ready',
    readyAt: new Date(readyAt),
    buildDurationMs: fullBuild,
    providerUpdatedAt: new Date(readyAt),
  };
}
