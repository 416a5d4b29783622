import { DEVELOP_BRANCH, DEVELOPMENT_SLUG, PRODUCTION_SLUG, STAGING_SLUG } from './branches';
import { DAY, MINUTE, SECOND } from './clock';
import { slugify } from './ids';
import type { Random } from './random';
import { GITHUB_REPO, PREVIEW_TTL_DAYS, VERCEL_SCOPE } from './team';
import { previewSlug, type PullRequestPlan } from './timeline';
import type { DeploymentRow, EnvironmentRow } from './types';

const PRODUCTION_HOST = 'https://shop.acme.dev';

export interface LongLivedBranches {
  main: string;
  staging: string;
  development: string;
}

/** Production, staging and development: created long before the history starts. */
export function longLivedEnvironments(
  now: number,
  branches: LongLivedBranches,
  deployments: readonly DeploymentRow[],
): EnvironmentRow[] {
  const shape = [
    [PRODUCTION_SLUG, 'Production', 'production', 'main', PRODUCTION_HOST, branches.main],
    [STAGING_SLUG, 'Staging', 'staging', 'main', 'https://staging.shop.acme.dev', branches.staging],
    [
      DEVELOPMENT_SLUG,
      'Development',
      'development',
      DEVELOP_BRANCH,
      'https://dev.shop.acme.dev',
      branches.development,
    ],
  ] as const;
  return shape.map(([slug, name, kind, gitBranch, url, neonBranchId], index) => {
    const served = lastReady(deployments, slug);
    return {
      kind,
      slug,
      name,
      gitBranch,
      url,
      healthUrl: `${url}/api/health`,
      neonBranchId,
      currentVercelId: served?.vercelId,
      status: 'active',
      lastActivityAt: served?.providerCreatedAt ?? new Date(now),
      createdAt: new Date(now - (420 - index * 60) * DAY),
    };
  });
}

/** One preview per pull request, named by Vercel's branch alias; closed ones are deleted. */
export function previewEnvironments(
  random: Random,
  pullRequests: readonly PullRequestPlan[],
  previewBranchIds: ReadonlyMap<number, string>,
  deployments: readonly DeploymentRow[],
): EnvironmentRow[] {
  return pullRequests.map((pr) => {
    const slug = previewSlug(pr.number);
    const lastActivityAt = previewLastActivity(pr);
    const url = `https://${GITHUB_REPO}-git-${slugify(pr.topic.branch, 41)}-${VERCEL_SCOPE}.vercel.app`;
    const deletedAt =
      pr.closedAt === undefined ? undefined : new Date(pr.closedAt + random.int(2, 20) * MINUTE);
    return {
      kind: 'preview',
      slug,
      name: `PR #${pr.number}`,
      gitBranch: pr.topic.branch,
      url,
      healthUrl: `${url}/api/health`,
      pullRequestNumber: pr.number,
      neonBranchId: previewBranchIds.get(pr.number),
      currentVercelId: lastReady(deployments, slug)?.vercelId,
      status: deletedAt ? 'deleted' : 'active',
      pinned: pr.pinned,
      expiresAt: new Date(lastActivityAt.getTime() + PREVIEW_TTL_DAYS * DAY),
      lastActivityAt,
      deletedAt,
      createdAt: new Date(pr.pushes[0]!.at + 20 * SECOND),
    };
  });
}

export function previewLastActivity(pr: PullRequestPlan): Date {
  return new Date(pr.pushes[pr.pushes.length - 1]!.at);
}

/** What an environment serves: its newest ready deployment (a rollback is one too). */
function lastReady(deployments: readonly DeploymentRow[], slug: string): DeploymentRow | undefined {
  return deployments.findLast((row) => row.environmentSlug === slug && row.state === 'ready');
}
