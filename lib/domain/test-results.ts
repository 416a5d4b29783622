export const TEST_CASE_STATUSES = ['passed', 'failed', 'skipped', 'flaky'] as const;
export type TestCaseStatus = (typeof TEST_CASE_STATUSES)[number];

export interface TestCaseOutcome {
  status: TestCaseStatus;
  durationMs: number;
}

export interface TestRunSummary {
  total: number;
  passed: number;
  failed: number;
  skipped: number;
  flaky: number;
  status: 'passed' | 'failed';
}

/** A flaky case failed and then passed on retry: it counts as passed for the run's verdict. */
export function summarizeTestCases(cases: readonly TestCaseOutcome[]): TestRunSummary {
  const counts = { passed: 0, failed: 0, skipped: 0, flaky: 0 };
  for (const testCase of cases) counts[testCase.status] += 1;
  return {
    total: cases.length,
    ...counts,
    status: counts.failed > 0 ? 'failed' : 'passed',
  };
}

/** Share of runs in which a test flaked; 0 when it never ran. */
export function flakeRate(flakyRuns: number, totalRuns: number): number {
  return totalRuns === 0 ? 0 : flakyRuns / totalRuns;
}
