import { badReleaseDrafts, planBadReleases } from './bad-releases';
import { developPushes, mainPushes, STAGING_SLUG } from './branches';
import { ciHistory } from './ci';
import { costHistory, computeSecondsByEnvironment } from './costs';
import { longLivedBranches, longLivedBranchIds, previewBranches } from './db-branches';
import { gitDeployments } from './deployments';
import { longLivedEnvironments, previewEnvironments } from './environments';
import { operationHistory } from './operations';
import { numberPullRequests } from './pull-request-plans';
import { closedDrafts, openDrafts } from './pull-requests';
import { createRandom } from './random';
import { productionDeployments } from './releases';
import { demoProject, demoTeam, GITHUB_OWNER, GITHUB_REPO } from './team';
import { previewSlug, type PullRequestPlan } from './timeline';
import type { DemoHistory, PullRequestRow } from './types';
import { planStories } from './stories';
import { RUNAWAY_BRANCH, storyDrafts } from './story-pull-requests';
import { stagingIncident, uptimeHistory } from './uptime';

/**
 * Closed pull requests over the 90 days, the bad releases' culprits and reverts and the stories'
 * pull requests included.
 */
export const CLOSED_PULL_REQUESTS = 62;

/**
 * The whole demo history as plain rows, with no database involved: the same seed and `now`
 * always give the same rows. Each part draws from its own forked stream, so changing one
 * generator does not reshuffle the others.
 */
export function generateDemoHistory({ now, seed }: { now: Date; seed: number }): DemoHistory {
  const random = createRandom(seed);
  const at = now.getTime();
  const team = demoTeam();
  const badReleases = planBadReleases(random.fork('bad-releases'), at);
  const stories = planStories(random.fork('stories'), at);

  const titles = new Set<string>();
  const drafting = random.fork('pull-requests');
  const scripted = [
    ...badReleaseDrafts(drafting, badReleases, team, titles),
    ...storyDrafts(random.fork('story-pull-requests'), stories, team, titles),
  ];
  const plans = numberPullRequests(
    drafting,
    [
      ...closedDrafts(drafting, at, team, titles, CLOSED_PULL_REQUESTS - scripted.length),
      ...scripted,
      ...openDrafts(drafting, at, team, titles),
    ],
    team,
  );
  const pushes = [
    ...plans.flatMap((pr) => pr.pushes),
    ...mainPushes(random.fork('main'), at, plans, badReleases, team),
    ...developPushes(random.fork('develop'), at, team),
  ];

  const built = gitDeployments(random.fork('deployments'), pushes);
  const stagingBuilds = [...built.values()]
    .filter((row) => row.environmentSlug === STAGING_SLUG)
    .sort((a, b) => a.providerCreatedAt.getTime() - b.providerCreatedAt.getTime());
  const production = productionDeployments(
    random.fork('production'),
    at,
    stagingBuilds,
    badReleases,
  );
  const deployments = [...built.values(), ...production.deployments].sort(
    (a, b) => a.providerCreatedAt.getTime() - b.providerCreatedAt.getTime(),
  );

  const branchIds = longLivedBranchIds(random.fork('neon'));
  const previews = previewBranches(random.fork('neon-previews'), plans, branchIds);
  const environments = [
    ...longLivedEnvironments(at, branchIds, deployments),
    ...previewEnvironments(random.fork('previews'), plans, previews.byPullRequest, deployments),
  ];
  const runaway = plans.find((pr) => pr.topic.branch === RUNAWAY_BRANCH)!;
  const costSamples = costHistory(random.fork('costs'), at, environments, deployments, {
    environmentSlug: previewSlug(runaway.number),
    from: stories.runawayPreview.from,
    to: stories.runawayPreview.to,
  });
  const lastPromote = production.deployments.findLast((row) => row.source === 'promote')!;
  const computeSeconds = computeSecondsByEnvironment(costSamples, at);
  const environmentOfBranch = new Map(environments.map((env) => [env.neonBranchId, env.slug]));
  const dbBranches = [
    ...longLivedBranches(
      random.fork('neon'),
      at,
      branchIds,
      lastPromote.providerCreatedAt.getTime(),
    ),
    ...previews.rows,
  ].map((branch) => ({
    ...branch,
    computeSeconds: Math.round(
      computeSeconds.get(environmentOfBranch.get(branch.neonBranchId)!) ?? 0,
    ),
  }));

  const incidents = [...production.incidents, stagingIncident(random.fork('incidents'), at)];
  const pullRequests = plans.map(pullRequestRow);
  return {
    now,
    project: demoProject(random.fork('project')),
    team,
    pullRequests,
    dbBranches,
    environments,
    deployments,
    ...ciHistory(random.fork('ci'), at, pushes, built, stories),
    costSamples,
    uptimeChecks: uptimeHistory(random.fork('uptime'), at, environments, incidents),
    operations: operationHistory(random.fork('operations'), {
      team,
      deployments,
      environments,
      pullRequests,
      dbBranches,
      badReleases,
    }),
    incidents,
  };
}

function pullRequestRow(pr: PullRequestPlan): PullRequestRow {
  const last = pr.pushes[pr.pushes.length - 1]!;
  return {
    number: pr.number,
    title: pr.topic.title,
    author: pr.author,
    headBranch: pr.topic.branch,
    baseBranch: 'main',
    headSha: last.sha,
    state: pr.state,
    draft: pr.draft,
    htmlUrl: `https://github.com/${GITHUB_OWNER}/${GITHUB_REPO}/pull/${pr.number}`,
    openedAt: new Date(pr.openedAt),
    closedAt: pr.closedAt === undefined ? undefined : new Date(pr.closedAt),
    mergedAt: pr.mergedAt === undefined ? undefined : new Date(pr.mergedAt),
    providerUpdatedAt: new Date(pr.closedAt ?? last.at),
  };
}
