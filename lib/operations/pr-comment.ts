import type { Database } from '@/db/client';
import { getEnvironmentContext } from '@/db/queries/operation-contexts';
import { listEnvironmentDeployments } from '@/db/queries/operation-targets';
import { costByPullRequest, latestSuiteRuns } from '@/db/queries/previews';
import { setPrCommentId } from '@/db/writes/operations';
import { summarizeSuites, type TestSummary } from '@/lib/domain/previews';
import { shortSha, usd } from '@/lib/format';
import type { OperationClients } from './types';

/** Marks envboard's one comment per pull request, so every update edits the same comment. */
export const PREVIEW_COMMENT_MARKER = '<!-- envboard:preview -->';

export interface PreviewCommentFacts {
  status: 'active' | 'deleted';
  url: string | null;
  dbBranch: string | null;
  deployment: { state: string; commitSha: string } | null;
  tests: TestSummary;
  costUsd: number;
  /** The last thing envboard did to this preview, e.g. "Database reset from main". */
  lastAction: string;
}

/** The sticky comment's Markdown: URL, database branch, deploy state, tests, cost so far. */
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
  rows.push(['Cost so far', usd(facts.costUsd)], ['Last change', facts.lastAction]);
  return [
    PREVIEW_COMMENT_MARKER,
    '### envboard preview',
    '',
    '| | |',
    '| --- | --- |',
    ...rows.map(([label, value]) => `| ${label} | ${value} |`),
  ].join('\n');
}

/**
 * Writes the preview's sticky comment from what the database holds now and keeps its id in
 * environments.pr_comment_id. A preview without a pull request has no comment.
 */
export async function updatePreviewComment(
  db: Database,
  clients: Pick<OperationClients, 'github'>,
  environmentId: number,
  lastAction: string,
): Promise<number | undefined> {
  const context = await getEnvironmentContext(db, environmentId);
  const pullRequest = context?.pullRequest;
  if (!context || !pullRequest) return undefined;
  const { environment, dbBranch } = context;
  const [deployments, suites, costs] = await Promise.all([
    listEnvironmentDeployments(db, environment.id),
    latestSuiteRuns(db, [pullRequest.id]),
    costByPullRequest(db, [pullRequest.id], [environment.id]),
  ]);
  const latest = deployments[0];
  const body = renderPreviewComment({
    status: environment.status,
    url: environment.url,
    dbBranch: dbBranch && dbBranch.state !== 'deleted' ? dbBranch.name : null,
    deployment: latest ? { state: latest.state, commitSha: latest.commitSha } : null,
    tests: summarizeSuites(suites.get(pullRequest.id) ?? []),
    costUsd: costs.get(pullRequest.id) ?? 0,
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
