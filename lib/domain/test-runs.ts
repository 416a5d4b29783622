import type { TestCaseStatus } from './test-results';

export const TEST_SUITES = ['unit', 'integration', 'e2e'] as const;
export type TestSuite = (typeof TEST_SUITES)[number];
export const TEST_RUN_STATUSES = ['passed', 'failed'] as const;
export type TestRunStatus = (typeof TEST_RUN_STATUSES)[number];

export interface TestRunListItem {
  id: number;
  suite: TestSuite;
  status: TestRunStatus;
  branch: string;
  commitSha: string;
  startedAt: Date;
  durationMs: number;
  total: number;
  passed: number;
  failed: number;
  skipped: number;
  flaky: number;
  coveragePct: number | null;
  pullRequestNumber: number | null;
  environmentSlug: string | null;
}

export interface TestCaseDetail {
  id: number;
  file: string;
  name: string;
  status: TestCaseStatus;
  durationMs: number;
  retries: number;
  failureMessage: string | null;
}

export interface TestRunDetail extends TestRunListItem {
  projectId: number;
  externalId: string;
  workflowName: string | null;
  ciRunUrl: string | null;
  /** Failed cases first, then flaky ones. */
  cases: TestCaseDetail[];
}

export interface FlakyTest {
  suite: TestSuite;
  name: string;
  file: string;
  flakyRuns: number;
  totalRuns: number;
  /** flakyRuns / totalRuns, 0–1. */
  flakeRate: number;
  lastFlakedAt: Date;
  lastFlakyRunId: number;
}

export interface FailingTest {
  suite: TestSuite;
  name: string;
  file: string;
  failureMessage: string | null;
  runId: number;
  branch: string;
  commitSha: string;
  startedAt: Date;
}

export interface SuiteSummary {
  suite: TestSuite;
  branch: string;
  latestRun: TestRunListItem | null;
  /** Runs of the suite on the branch in the window, and how many failed. */
  runsInWindow: number;
  failedRunsInWindow: number;
}
