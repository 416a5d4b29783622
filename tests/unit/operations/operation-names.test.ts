import { describe, expect, it } from 'vitest';
import { operationName, outcomeToast } from '@/components/operations/labels';
import type { OperationProgress } from '@/lib/domain/operation-progress';
import { commitTitle, describeHolder, operationSubject } from '@/lib/domain/operation-names';

const deployment = { commitSha: '3f9c2ab81d0e', commitMessage: 'feat: checkout retries\n\nbody' };

const progress = (overrides: Partial<OperationProgress>): OperationProgress => ({
  id: 350,
  kind: 'reseed',
  subject: 'PR #1292',
  state: 'running',
  step: null,
  error: null,
  reason: null,
  pinned: false,
  requestedAt: '2026-12-01T10:00:00.000Z',
  finishedAt: null,
  approvals: [],
  ...overrides,
});

describe('messages name what an operation acts on, never a row id', () => {
  it('names a toast by its subject: "Reseed of PR #1292 succeeded"', () => {
    expect(outcomeToast(progress({ state: 'succeeded' }))?.title).toBe(
      'Reseed of PR #1292 succeeded',
    );
    const promotion = progress({ kind: 'promote', subject: commitTitle(deployment) });
    expect(outcomeToast({ ...promotion, state: 'requested' })?.title).toBe(
      'Promotion of 3f9c2ab feat: checkout retries is waiting for approval',
    );
    expect(operationName(progress({ kind: 'delete' }))).toBe('Deletion of PR #1292');
    for (const state of ['succeeded', 'failed', 'rejected', 'requested'] as const) {
      expect(outcomeToast(progress({ state }))?.title).not.toContain('350');
    }
  });

  it('names a deployment by its short commit and title', () => {
    expect(commitTitle(deployment)).toBe('3f9c2ab feat: checkout retries');
  });

  it('names each kind of operation by its subject', () => {
    const subject = (
      kind: OperationProgress['kind'],
      facts: Parameters<typeof operationSubject>[1],
      after: Record<string, unknown> | null = null,
    ) => operationSubject({ kind, after }, facts);
    expect(subject('reseed', { environmentName: 'PR #1292' })).toBe('PR #1292');
    expect(subject('promote', { environmentName: 'Production', deployment })).toBe(
      '3f9c2ab feat: checkout retries',
    );
    expect(subject('rollback', { environmentName: 'Production', deployment })).toBe(
      'Production to 3f9c2ab feat: checkout retries',
    );
    expect(subject('membership', { environmentName: null }, { member: 'leo-brandt' })).toBe(
      '@leo-brandt',
    );
    expect(subject('cleanup', { environmentName: null })).toBe('previews');
  });

  it('says which operation holds an environment by kind, person and state', () => {
    expect(describeHolder({ kind: 'promote', state: 'requested', actorLogin: 'sofia-reyes' })).toBe(
      'a promotion by @sofia-reyes is waiting for approval',
    );
    expect(describeHolder({ kind: 'reseed', state: 'running', actorLogin: null })).toBe(
      'a reseed by envboard is running',
    );
  });
});
