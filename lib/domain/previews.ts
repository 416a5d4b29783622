import type { DeploymentState } from './deployments';
import type { DbBranchState, EnvironmentState, EnvironmentStatus } from './environments';
import type { PreviewExclusion } from './preview-exclusion';
import type { PreviewCostView } from './preview-cost';
import type { PinState } from './pins';
import type { PullRequestState } from './pull-requests';
import { TEST_SUITES, type TestRunStatus, type TestSuite } from './test-runs';

/** Preview rules: pure, so they test in milliseconds. */

export const PREVIEW_TABS = ['open', 'closed'] as const;
export type PreviewTab = (typeof PREVIEW_TABS)[number];

export interface SuiteResult {
  suite: TestSuite;
  runId: number;
  status: TestRunStatus;
  passed: number;
  failed: number;
  flaky: number;
  skipped: number;
  startedAt: Date;
}

export type TestVerdict = 'passed' | 'failed' | 'flaky' | 'none';

export interface TestSummary {
  /** Failed if any suite's latest run failed, flaky if any had flaky cases, else passed. */
  verdict: TestVerdict;
  passed: number;
  failed: number;
  flaky: number;
  /** The latest run of each suite that ran, in suite order. */
  suites: SuiteResult[];
}

/** One line for a pull request's tests from the latest run of each suite. */
export function summarizeSuites(latest: readonly SuiteResult[]): TestSummary {
  const suites = [...latest].sort(
    (a, b) => TEST_SUITES.indexOf(a.suite) - TEST_SUITES.indexOf(b.suite),
  );
  const total = (key: 'passed' | 'failed' | 'flaky') =>
    suites.reduce((sum, run) => sum + run[key], 0);
  const failed = total('failed');
  const flaky = total('flaky');
  const verdict: TestVerdict =
    suites.length === 0
      ? 'none'
      : suites.some((run) => run.status === 'failed') || failed > 0
        ? 'failed'
        : flaky > 0
          ? 'flaky'
          : 'passed';
  return { verdict, passed: total('passed'), failed, flaky, suites };
}

/** One pull request on the previews list, with its preview, latest deployment, tests and cost. */
export interface PreviewListItem {
  pullRequest: {
    id: number;
    number: number;
    title: string;
    author: string;
    headBranch: string;
    fromFork: boolean;
    htmlUrl: string | null;
    state: PullRequestState;
    draft: boolean;
    openedAt: Date;
    closedAt: Date | null;
    mergedAt: Date | null;
  };
  environment:
    | ({
        id: number;
        slug: string;
        url: string | null;
        status: EnvironmentStatus;
        /** environmentState: what Environments shows for the same preview. */
        state: EnvironmentState;
        expiresAt: Date | null;
        deletedAt: Date | null;
      } & PinState)
    | null;
  deployment: { state: DeploymentState; url: string; commitSha: string; createdAt: Date } | null;
  dbBranch: {
    name: string;
    neonBranchId: string;
    state: DbBranchState;
    expiresAt: Date | null;
  } | null;
  /** Why the pull request has no preview of its own, when it has none by rule. */
  exclusion: PreviewExclusion | null;
  tests: TestSummary;
  /** Cost so far, projected to expiry, and whether that is over the project's threshold. */
  cost: PreviewCostView;
}
