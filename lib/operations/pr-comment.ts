import type { Database } from '@/db/client';
import { getEnvironmentContext } from '@/db/queries/operation-contexts';
import { listEnvironmentDeployments } from '@/db/queries/operation-targets';
import { getPreviewCosts } from '@/db/queries/preview-costs';
import { latestSuiteRuns } from '@/db/queries/previews';
import { type PreviewCostView, previewCostView } from '@/lib/domain/preview-cost';
import { setPrCommentId } from '@/db/writes/operations';
import { summarizeSuites, type TestSummary } from '@/lib/domain/previews';
import { shortSha, usd } from '@/lib/format';
import { nowOf, type OperationClients } from './types';

/** Marks envboard's one comment per pull request, so every update edits the same comment. */
export const PREVIEW_COMMENT_MARKER = '<!-- envboard:preview -->';

export interface PreviewCommentFacts {
  status: 'active' | 'deleted';
  url: string | null;
  dbBranch: string | null;
  deployment: { state: string; commitSha: string } | null;
  tests: TestSummary;
  cost: PreviewCostView;
  /** The last thing envboard did to this preview, e.g. "Database reset from main". */
  lastAction: string;
}

/**
 * The sticky comment's Markdown: URL, database branch, deploy state, tests, cost so far and
 * projected to expiry, with a warning line when the projection is over the threshold.
 */
export function renderPreviewComment(facts: PreviewCommentFacts): string {
  const tests =
    facts.tests.verdict === 'none'
      ? 'no reports yet'
      : `${facts.tests.verdict}: ${facts.tests.passed} passed, ${facts.tests.failed} failed, ${facts.tests.flaky} flaky`;
  const deploy = facts.deployment
    ? `${facts.deployment.state} (${shortSha(facts.deployment.commitSha)})`
    : 'no deployment yet';
  const rows =
    facts.status === 'deleted'
      ? [['Preview', 'deleted: its deployments and database branch are gone']]
      : [
          ['Preview', facts.url ?? 'not deployed yet'],
          ['Database branch', facts.dbBranch ? `\`${facts.dbBranch}\`` : 'none'],
          ['Deployment', deploy],
          ['Tests', tests],
        ];
  const { cost } = facts;
  rows.push(['Cost so far', usd(cost.costSoFarUsd)]);
  if (facts.status === 'active') rows.push(['Projected to expiry', projection(cost)]);
  rows.push(['Last change', facts.lastAction]);
  const warning =
    facts.status === 'active' && cost.overThreshold
      ? [
          '',
          `> [!WARNING]\n> This preview is projected to cost ${usd(cost.projectedUsd)} by its expiry, over the ${usd(cost.thresholdUsd)} per-preview threshold.`,
        ]
      : [];
  return [
    PREVIEW_COMMENT_MARKER,
    '### envboard preview',
    '',
    '| | |',
    '| --- | --- |',
    ...rows.map(([label, value]) => `| ${label} | ${value} |`),
    ...warning,
  ].join('\n');
}

function projection(cost: PreviewCostView): string {
  if (cost.daysLeft === null) return 'no expiry (pinned)';
  return `${usd(cost.projectedUsd)} (${usd(cost.dailyRateUsd)} a day recently)`;
}

/**
 * Writes the preview's sticky comment from what the database holds now and keeps its id in
 * environments.pr_comment_id. A preview without a pull request has no comment.
 */
export async function updatePreviewComment(
  db: Database,
  clients: Pick<OperationClients, 'github' | 'now'>,
  environmentId: number,
  lastAction: string,
): Promise<number | undefined> {
  const context = await getEnvironmentContext(db, environmentId);
  const pullRequest = context?.pullRequest;
  if (!context || !pullRequest) return undefined;
  const { environment, dbBranch, project } = context;
  const now = nowOf(clients);
  const [deployments, suites, costs] = await Promise.all([
    listEnvironmentDeployments(db, environment.id),
    latestSuiteRuns(db, [pullRequest.id]),
    getPreviewCosts(db, [pullRequest.id], [environment.id], now),
  ]);
  const latest = deployments[0];
  const body = renderPreviewComment({
    status: environment.status,
    url: environment.url,
    dbBranch: dbBranch && dbBranch.state !== 'deleted' ? dbBranch.name : null,
    deployment: latest ? { state: latest.state, commitSha: latest.commitSha } : null,
    tests: summarizeSuites(suites.get(pullRequest.id) ?? []),
    cost: previewCostView({
      ...(costs.get(pullRequest.id) ?? { costSoFarUsd: 0, dailyRateUsd: 0 }),
      now,
      expiresAt: environment.expiresAt,
      thresholdUsd: project.previewCostWarningUsd,
    }),
    lastAction,
  });
  const comment = await clients.github.createOrUpdateIssueComment(
    pullRequest.number,
    PREVIEW_COMMENT_MARKER,
    body,
  );
  if (environment.prCommentId !== comment.id) await setPrCommentId(db, environment.id, comment.id);
  return comment.id;
}
