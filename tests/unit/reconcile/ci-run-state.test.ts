import { describe, expect, test } from 'vitest';
import type { WorkflowRun } from '@/lib/providers/github/types';
import { ciConclusion, ciStatus, ciTiming, jobHasStarted } from '@/lib/reconcile/ci-run-state';
import { previewExpiry } from '@/lib/reconcile/environments';
import { isNewerThanStored } from '@/lib/reconcile/vercel-deployment-state';

const at = (minutes: number) => new Date(Date.UTC(2026, 2, 1) + minutes * 60_000);

const run = (overrides: Partial<WorkflowRun>): WorkflowRun => ({
  id: 1,
  name: 'CI',
  workflowId: 2,
  headSha: 'a'.repeat(40),
  headBranch: 'main',
  event: 'push',
  status: 'completed',
  conclusion: 'success',
  runNumber: 1,
  runAttempt: 1,
  pullRequestNumbers: [],
  headRepository: 'acme/app',
  htmlUrl: '',
  createdAt: at(0),
  updatedAt: at(10),
  runStartedAt: at(1),
  ...overrides,
});

describe('CI run state', () => {
  test("GitHub's statuses fold into queued, in progress and completed", () => {
    expect(['requested', 'waiting', 'pending', 'queued', null].map(ciStatus)).toEqual(
      Array(5).fill('queued'),
    );
    expect(ciStatus('in_progress')).toBe('in_progress');
  });

  test('conclusions outside the five the board keeps fold into the nearest', () => {
    expect(ciConclusion('neutral')).toBe('success');
    expect(ciConclusion('stale')).toBe('cancelled');
    expect(ciConclusion('action_required')).toBe('failure');
    expect(ciConclusion('startup_failure')).toBe('failure');
    expect(ciConclusion(null)).toBeNull();
  });

  test('without jobs the run start and last update give queue time and duration', () => {
    expect(ciTiming(run({}), undefined)).toEqual({
      startedAt: at(1),
      completedAt: at(10),
      queueMs: 60_000,
      durationMs: 9 * 60_000,
    });
  });

  test("a queued job's started_at (GitHub fills in its creation time) is not a start", () => {
    const job = {
      id: 1,
      runId: 1,
      name: 'unit',
      conclusion: null,
      createdAt: at(0),
      startedAt: at(0),
      completedAt: null,
    };
    expect(jobHasStarted({ ...job, status: 'queued' })).toBe(false);
    expect(jobHasStarted({ ...job, status: 'in_progress' })).toBe(true);
    const timing = ciTiming(run({}), [
      { ...job, status: 'queued' },
      { ...job, id: 2, status: 'completed', startedAt: at(2), completedAt: at(8) },
    ]);
    expect(timing).toMatchObject({ startedAt: at(2), queueMs: 2 * 60_000, completedAt: at(8) });
  });

  test('a start learned from an earlier attempt is not reused by a re-run', () => {
    const rerun = run({ runAttempt: 2, status: 'queued', runStartedAt: at(20) });
    expect(ciTiming(rerun, undefined, { startedAt: at(1), runAttempt: 1 }).startedAt).toBeNull();
    expect(
      ciTiming(run({ status: 'in_progress' }), undefined, { startedAt: at(3), runAttempt: 1 })
        .startedAt,
    ).toEqual(at(3));
  });
});

describe('ordering deployment news', () => {
  test('a later build stage wins even with an earlier time; within a stage the later time', () => {
    const stored = { state: 'ready' as const, providerUpdatedAt: at(5) };
    expect(isNewerThanStored(stored, { state: 'building', observedAt: at(9) })).toBe(false);
    expect(
      isNewerThanStored(
        { state: 'building', providerUpdatedAt: at(5) },
        { state: 'error', observedAt: at(1) },
      ),
    ).toBe(true);
    expect(isNewerThanStored(stored, { state: undefined, observedAt: at(6) })).toBe(true);
    expect(isNewerThanStored(stored, { state: 'ready', observedAt: at(4) })).toBe(false);
  });
});

describe('preview expiry', () => {
  test('follows the last activity unless the preview is pinned', () => {
    expect(previewExpiry({ pinned: false, pinnedUntil: null, expiresAt: null }, at(0), 2)).toEqual(
      at(2 * 24 * 60),
    );
    expect(previewExpiry({ pinned: true, pinnedUntil: null, expiresAt: at(5) }, at(0), 2)).toEqual(
      at(5),
    );
  });
});
