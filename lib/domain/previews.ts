import { TEST_SUITES, type TestSuite } from './test-runs';

/** Preview rules: pure, so they test in milliseconds. */

export const PULL_REQUEST_STATES = ['open', 'closed', 'merged'] as const;
export type PullRequestState = (typeof PULL_REQUEST_STATES)[number];

export const PREVIEW_TABS = ['open', 'closed'] as const;
export type PreviewTab = (typeof PREVIEW_TABS)[number];

export interface SuiteResult {
  suite: TestSuite;
  runId: number;
  status: 'passed' | 'failed';
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
