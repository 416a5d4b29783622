import { beforeAll, describe, expect, test } from 'vitest';
import { parseTestReport } from '@/lib/test-reports/parse';
import type { NormalizedReport, ReportCase } from '@/lib/test-reports/types';
import { runTinySuites, type TinySuiteReports } from '../../fixtures/test-reports/tiny-suites';

let reports: TinySuiteReports;

beforeAll(async () => {
  reports = await runTinySuites();
}, 180_000);

const byName = (report: NormalizedReport, name: string): ReportCase => {
  const found = report.cases.find((testCase) => testCase.name === name);
  if (!found) throw new Error(`no case "${name}" in ${report.cases.map((c) => c.name).join(', ')}`);
  return found;
};

describe('a JUnit report written by vitest', () => {
  test('has every test with its status, file and the failure message', () => {
    const report = parseTestReport(reports.vitestJunit, 'junit');
    expect(report.suite).toBe('unit');
    // vitest's JUnit does not record retries: the test that passed on retry reads as passed.
    expect(report.totals).toEqual({ total: 5, passed: 3, failed: 1, skipped: 1, flaky: 0 });
    expect(report.status).toBe('failed');
    expect(new Set(report.cases.map((testCase) => testCase.file))).toEqual(
      new Set(['cart.test.ts']),
    );
    expect(byName(report, 'cart > totals the order')).toMatchObject({
      status: 'failed',
      failureMessage: 'expected 5 to be 4 // Object.is equality',
    });
    expect(byName(report, 'cart > ships abroad')).toMatchObject({
      status: 'skipped',
      failureMessage: null,
    });
    expect(byName(report, 'cart > settles on retry')).toMatchObject({ status: 'passed' });
    expect(report.startedAt).toBeInstanceOf(Date);
    for (const testCase of report.cases) expect(testCase.durationMs).toBeGreaterThanOrEqual(0);
  });
});

describe('a Playwright JSON report', () => {
  test('counts the test that failed once then passed as flaky, with its retry', () => {
    const report = parseTestReport(reports.playwrightJson, 'playwright');
    expect(report.suite).toBe('e2e');
    expect(report.totals).toEqual({ total: 5, passed: 2, failed: 1, skipped: 1, flaky: 1 });
    expect(report.status).toBe('failed');
    const flaky = byName(report, 'checkout › settles on retry');
    expect(flaky).toMatchObject({ file: 'checkout.spec.ts', status: 'flaky', retries: 1 });
    // The error it recovered from, without the terminal colour codes.
    expect(flaky.failureMessage).toContain('Expected: 1');
    expect(flaky.failureMessage).not.toContain('\u001b[');
  });

  test('reports a failing test after its retry with its last error', () => {
    const report = parseTestReport(reports.playwrightJson, 'playwright');
    const failed = byName(report, 'checkout › applies a coupon');
    expect(failed).toMatchObject({ status: 'failed', retries: 1 });
    expect(failed.failureMessage).toMatch(/^Error: expect\(received\)\.toBe\(expected\)/);
    expect(failed.failureMessage).toContain('Received: 9');
    expect(byName(report, 'checkout › ships abroad')).toMatchObject({
      status: 'skipped',
      retries: 0,
      failureMessage: null,
    });
    expect(byName(report, 'checkout › shows the cart')).toMatchObject({
      status: 'passed',
      retries: 0,
    });
    expect(report.startedAt).toBeInstanceOf(Date);
  });
});

describe('a Playwright JUnit report with retries', () => {
  test('shows the same flake and failure through flakyFailure and rerunFailure', () => {
    const report = parseTestReport(reports.playwrightJunit, 'junit', { suite: 'e2e' });
    expect(report.totals).toEqual({ total: 5, passed: 2, failed: 1, skipped: 1, flaky: 1 });
    expect(byName(report, 'checkout › settles on retry')).toMatchObject({
      file: 'checkout.spec.ts',
      status: 'flaky',
      retries: 1,
      failureMessage: 'expect(received).toBe(expected) // Object.is equality',
    });
    expect(byName(report, 'checkout › applies a coupon')).toMatchObject({
      status: 'failed',
      retries: 1,
    });
  });
});
