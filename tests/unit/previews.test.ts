import { describe, expect, test } from 'vitest';
import { type SuiteResult, summarizeSuites } from '@/lib/domain/previews';
import { previewsQuerySchema } from '@/lib/filters/previews';

const run = (overrides: Partial<SuiteResult>): SuiteResult => ({
  suite: 'unit',
  runId: 1,
  status: 'passed',
  passed: 10,
  failed: 0,
  flaky: 0,
  skipped: 0,
  startedAt: new Date('2026-01-01T00:00:00Z'),
  ...overrides,
});

describe('summarizeSuites', () => {
  test('says none when no suite ran', () => {
    expect(summarizeSuites([])).toMatchObject({ verdict: 'none', passed: 0, suites: [] });
  });

  test('a failed suite fails the pull request whatever else passed', () => {
    const summary = summarizeSuites([
      run({ suite: 'e2e', flaky: 2 }),
      run({ suite: 'unit', status: 'failed', failed: 1, passed: 9 }),
    ]);
    expect(summary).toMatchObject({ verdict: 'failed', passed: 19, failed: 1, flaky: 2 });
  });

  test('flaky when every suite passed but some only on retry', () => {
    expect(summarizeSuites([run({}), run({ suite: 'integration', flaky: 1 })]).verdict).toBe(
      'flaky',
    );
    expect(summarizeSuites([run({}), run({ suite: 'integration' })]).verdict).toBe('passed');
  });

  test('orders suites unit, integration, e2e', () => {
    const summary = summarizeSuites([
      run({ suite: 'e2e' }),
      run({ suite: 'unit' }),
      run({ suite: 'integration' }),
    ]);
    expect(summary.suites.map((suite) => suite.suite)).toEqual(['unit', 'integration', 'e2e']);
  });
});

describe('previewsQuerySchema', () => {
  test('defaults to the open tab and ignores empty fields', () => {
    expect(previewsQuerySchema.parse({ author: '', state: '' })).toMatchObject({
      tab: 'open',
      author: undefined,
      state: undefined,
    });
    expect(previewsQuerySchema.parse({ tab: 'closed', state: 'error' })).toMatchObject({
      tab: 'closed',
      state: 'error',
    });
  });

  test('refuses an unknown tab or deployment state', () => {
    expect(previewsQuerySchema.safeParse({ tab: 'all' }).success).toBe(false);
    expect(previewsQuerySchema.safeParse({ state: 'broken' }).success).toBe(false);
  });
});
