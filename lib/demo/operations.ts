import { hasRole } from '@/lib/domain/roles';
import { PRODUCTION_SLUG } from './branches';
import { MINUTE, SECOND } from './clock';
import type { Random } from './random';
import { releaseManagers, type TeamMember } from './team';
import type { BadRelease } from './timeline';
import type {
  DbBranchRow,
  DeploymentRow,
  EnvironmentRow,
  OperationRow,
  PullRequestRow,
} from './types';

/** What release managers write when they ask for a promotion, and when they approve one. */
const PROMOTE_REASONS = [
  'Release: staging soaked, smoke tests green',
  'Scheduled release',
  'Ship the changes merged since the last release',
  'Release after the morning merges',
] as const;
const APPROVE_REASONS = [
  'Checked checkout and search on staging',
  'CI green, staging looks good',
  'Smoke tests passed on staging',
  'Reviewed the changes since the last release',
] as const;

/**
 * The operations the 90 days record in the audit log, at the times the rest of the history
 * shows them: each production promote (requested by one release manager, approved by the
 * other, since the project requires approval), each rollback of a bad release, and each
 * preview deleted after its pull request closed. Drawn from a stream of their own, so the
 * rest of the history is the same with or without them.
 */
export function operationHistory(
  random: Random,
  history: {
    team: readonly TeamMember[];
    deployments: readonly DeploymentRow[];
    environments: readonly EnvironmentRow[];
    pullRequests: readonly PullRequestRow[];
    dbBranches: readonly DbBranchRow[];
    badReleases: readonly BadRelease[];
  },
): OperationRow[] {
  const { team, deployments, badReleases } = history;
  const rows = [
    ...releaseOperations(random, team, deployments, badReleases),
    ...previewDeletions(random, history),
  ];
  return rows.sort((a, b) => a.requestedAt.getTime() - b.requestedAt.getTime());
}

function releaseOperations(
  random: Random,
  team: readonly TeamMember[],
  deployments: readonly DeploymentRow[],
  badReleases: readonly BadRelease[],
): OperationRow[] {
  const managers = releaseManagers(team);
  const production = deployments.filter((row) => row.environmentSlug === PRODUCTION_SLUG);
  const byId = new Map(deployments.map((row) => [row.vercelId, row]));
  const rows: OperationRow[] = [];
  let lastPromoter = managers[0]!;
  production.forEach((row, index) => {
    const previous = production[index - 1];
    const at = row.providerCreatedAt.getTime();
    const finishedAt = row.readyAt ?? row.providerUpdatedAt;
    const source = byId.get(row.sourceVercelId!)!;
    if (row.source === 'rollback') {
      const release = badReleases.find((bad) => bad.rollbackAt === at);
      const bad = previous!;
      rows.push({
        kind: 'rollback',
        environmentSlug: PRODUCTION_SLUG,
        actor: lastPromoter,
        reason: release
          ? `503s on production since the promote of ${bad.commitSha.slice(0, 7)}`
          : 'Production misbehaving since the last promote',
        requestedAt: new Date(at),
        startedAt: new Date(at),
        finishedAt,
        rollback: {
          fromVercelId: bad.vercelId,
          targetVercelId: source.vercelId,
          servedVercelId: row.vercelId,
        },
      });
      return;
    }
    const requester = random.pick(managers);
    const approver = managers.find((login) => login !== requester)!;
    lastPromoter = requester;
    const approvedAt = at - random.int(2, 20) * SECOND;
    const hotfix = badReleases.some((bad) => bad.hotfixPromoteAt === at);
    rows.push({
      kind: 'promote',
      environmentSlug: PRODUCTION_SLUG,
      actor: requester,
      reason: hotfix
        ? `Hotfix: ${source.commitMessage.split('\n')[0]}`
        : random.pick(PROMOTE_REASONS),
      requestedAt: new Date(approvedAt - random.int(hotfix ? 3 : 5, hotfix ? 10 : 45) * MINUTE),
      startedAt: new Date(approvedAt),
      finishedAt,
      approval: {
        approver,
        reason: hotfix ? 'Revert verified on staging' : random.pick(APPROVE_REASONS),
        at: new Date(approvedAt),
      },
      promotion: {
        sourceVercelId: source.vercelId,
        previousVercelId: previous?.vercelId,
        servedVercelId: row.vercelId,
      },
    });
  });
  return rows;
}

/**
 * Each closed pull request's preview was deleted minutes after it closed: by the author when
 * they may delete previews, else by a release manager (a viewer's pull requests are shipped by
 * others).
 */
function previewDeletions(
  random: Random,
  {
    team,
    environments,
    pullRequests,
    deployments,
    dbBranches,
  }: Parameters<typeof operationHistory>[1],
): OperationRow[] {
  const branchNames = new Map(dbBranches.map((branch) => [branch.neonBranchId, branch.name]));
  const roles = new Map(team.map((person) => [person.githubLogin, person.role]));
  const byNumber = new Map(pullRequests.map((pr) => [pr.number, pr]));
  const managers = releaseManagers(team);
  return environments.flatMap((env): OperationRow[] => {
    if (env.kind !== 'preview' || !env.deletedAt || env.pullRequestNumber === undefined) return [];
    const pr = byNumber.get(env.pullRequestNumber)!;
    const author = roles.get(pr.author);
    const actor = author && hasRole(author, 'developer') ? pr.author : random.pick(managers);
    const deletedAt = env.deletedAt.getTime();
    const startedAt = new Date(deletedAt - random.int(15, 40) * SECOND);
    return [
      {
        kind: 'delete',
        environmentSlug: env.slug,
        actor,
        reason: `Pull request #${pr.number} ${pr.state === 'merged' ? 'merged' : 'closed'}`,
        requestedAt: startedAt,
        startedAt,
        finishedAt: new Date(deletedAt + random.int(2, 6) * SECOND),
        deletion: {
          vercelIds: deployments
            .filter((row) => row.environmentSlug === env.slug)
            .map((row) => row.vercelId),
          gitBranch: env.gitBranch,
          dbBranch: env.neonBranchId && branchNames.get(env.neonBranchId),
          neonBranchId: env.neonBranchId,
        },
      },
    ];
  });
}
