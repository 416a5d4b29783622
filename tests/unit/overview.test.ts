import { describe, expect, test } from 'vitest';
import { type CommitChecks, checksVerdict, summarizePreviewHealth } from '@/lib/domain/overview';

const ci = (overrides: Partial<NonNullable<CommitChecks['ci']>>): CommitChecks['ci'] => ({
  workflowName: 'CI',
  status: 'completed',
  conclusion: 'success',
  htmlUrl: null,
  ...overrides,
});
const run = (suite: 'unit' | 'e2e', status: 'passed' | 'failed') => ({
  suite,
  status,
  runId: 1,
  failed: status === 'failed' ? 1 : 0,
  flaky: 0,
});

describe('checksVerdict', () => {
  test('passes when CI succeeded and every suite passed', () => {
    expect(checksVerdict({ ci: ci({}), tests: [run('unit', 'passed')] })).toBe('passed');
  });

  test('fails on a failed suite or a CI run that ended any other way than success', () => {
    expect(checksVerdict({ ci: ci({}), tests: [run('e2e', 'failed')] })).toBe('failed');
    expect(checksVerdict({ ci: ci({ conclusion: 'timed_out' }), tests: [] })).toBe('failed');
    expect(checksVerdict({ ci: ci({ conclusion: 'cancelled' }), tests: [] })).toBe('failed');
  });

  test('is running while CI is, and none when nothing reported', () => {
    expect(checksVerdict({ ci: ci({ status: 'in_progress', conclusion: null }), tests: [] })).toBe(
      'running',
    );
    expect(checksVerdict({ ci: null, tests: [] })).toBe('none');
    expect(checksVerdict({ ci: null, tests: [run('unit', 'passed')] })).toBe('passed');
  });
});

describe('summarizePreviewHealth', () => {
  test('counts previews by deploy state, failing tests and expiry within a day', () => {
    const now = new Date('2026-01-10T00:00:00Z');
    const inHours = (hours: number) => new Date(now.getTime() + hours * 3_600_000);
    const health = summarizePreviewHealth(
      [
        { deploymentState: 'ready', testVerdict: 'passed', expiresAt: inHours(72) },
        { deploymentState: 'ready', testVerdict: 'failed', expiresAt: inHours(5) },
        { deploymentState: 'building', testVerdict: 'none', expiresAt: null },
        { deploymentState: 'error', testVerdict: 'flaky', expiresAt: inHours(-1) },
        { deploymentState: null, testVerdict: 'none', expiresAt: null },
      ],
      now,
    );
    expect(health).toEqual({
      open: 5,
      ready: 2,
      building: 1,
      broken: 1,
      testsFailing: 1,
      expiringSoon: 2,
    });
  });
});
