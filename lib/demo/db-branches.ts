import { DAY, HOUR, MINUTE, SECOND } from './clock';
import { neonBranchId } from './ids';
import type { Random } from './random';
import type { LongLivedBranches } from './environments';
import { previewLastActivity } from './environments';
import type { PullRequestPlan } from './timeline';
import type { DbBranchRow } from './types';

const GB = 1024 ** 3;
/** The Vercel–Neon integration gives preview branches a two-week expiry (Neon allows 30 days). */
const PREVIEW_BRANCH_TTL = 14 * DAY;

export function longLivedBranchIds(random: Random): LongLivedBranches {
  return {
    main: neonBranchId(random),
    staging: neonBranchId(random),
    development: neonBranchId(random),
  };
}

/** `main` holds production data; staging and development branch from it and are reset weekly. */
export function longLivedBranches(
  random: Random,
  now: number,
  ids: LongLivedBranches,
  lastPromoteAt: number,
): DbBranchRow[] {
  const recently = (maxDays: number) => new Date(now - random.float(0.2, maxDays) * DAY);
  const common = { state: 'ready' as const, providerUpdatedAt: new Date(now - HOUR) };
  return [
    {
      ...common,
      neonBranchId: ids.main,
      name: 'main',
      isDefault: true,
      protected: true,
      logicalSizeBytes: Math.round(random.float(2.1, 2.5) * GB),
      migrationsValidatedAt: new Date(lastPromoteAt - 20 * MINUTE),
      providerCreatedAt: new Date(now - 420 * DAY),
    },
    ...(['staging', 'development'] as const).map((name, index) => ({
      ...common,
      neonBranchId: name === 'staging' ? ids.staging : ids.development,
      name,
      parentNeonBranchId: ids.main,
      logicalSizeBytes: Math.round(random.float(0.5, 0.9) * GB),
      migrationsValidatedAt: recently(1),
      lastResetAt: recently(6),
      providerCreatedAt: new Date(now - (360 - index * 60) * DAY),
    })),
  ];
}

/** `preview/<git branch>` per pull request, created with its first preview build. */
export function previewBranches(
  random: Random,
  pullRequests: readonly PullRequestPlan[],
  ids: LongLivedBranches,
): { rows: DbBranchRow[]; byPullRequest: Map<number, string> } {
  const byPullRequest = new Map<number, string>();
  const rows = pullRequests.map((pr): DbBranchRow => {
    const id = neonBranchId(random);
    byPullRequest.set(pr.number, id);
    const createdAt = pr.pushes[0]!.at + random.int(20, 45) * SECOND;
    const lastActivity = previewLastActivity(pr).getTime();
    const deletedAt =
      pr.closedAt === undefined ? undefined : pr.closedAt + random.int(2, 20) * MINUTE;
    const resetAt =
      deletedAt === undefined && random.chance(0.3)
        ? random.float(createdAt, lastActivity)
        : undefined;
    return {
      neonBranchId: id,
      name: `preview/${pr.topic.branch}`,
      parentNeonBranchId: pr.dbParent === 'staging' ? ids.staging : ids.main,
      state: deletedAt === undefined ? 'ready' : 'deleted',
      logicalSizeBytes: Math.round(random.float(0.3, 0.7) * GB),
      migrationsValidatedAt: new Date(lastActivity + random.int(3, 6) * MINUTE),
      lastResetAt: resetAt === undefined ? undefined : new Date(Math.round(resetAt)),
      expiresAt: new Date(lastActivity + PREVIEW_BRANCH_TTL),
      providerCreatedAt: new Date(createdAt),
      providerUpdatedAt: new Date(deletedAt ?? lastActivity),
      deletedAt: deletedAt === undefined ? undefined : new Date(deletedAt),
    };
  });
  return { rows, byPullRequest };
}
