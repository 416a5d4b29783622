import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '@/lib/domain/audit';
import { auditFields, deploymentIdsOf } from '@/lib/domain/audit-fields';

const entry = (overrides: Partial<AuditEntry>): AuditEntry => ({
  id: 1,
  action: 'promote',
  operationId: 1,
  kind: 'promote',
  state: 'succeeded',
  actorLogin: 'sofia-reyes',
  actorName: 'Sofia Reyes',
  environmentSlug: 'production',
  environmentName: 'Production',
  reason: null,
  before: null,
  after: null,
  error: null,
  requestedAt: new Date('2026-12-01T10:00:00Z'),
  startedAt: null,
  finishedAt: null,
  ...overrides,
});

const deployments = new Map([
  [11, { commitSha: '3f9c2ab81d0e', commitMessage: 'feat: checkout retries', url: 'a.vercel.app' }],
  [12, { commitSha: '8d01e7c00000', commitMessage: 'fix: totals\n\nbody', url: 'b.vercel.app' }],
]);

describe('audit fields', () => {
  it('shows a promotion as labelled fields: deployment from → to by commit and title, commit, URL', () => {
    const promote = entry({
      before: { deploymentId: 12, productionDeploymentId: 11, commitSha: '8d01e7c00000' },
      after: { servedUrl: 'acme-web-8d01e7c-acme-inc.vercel.app', productionDeploymentId: 13 },
    });
    expect(auditFields(promote, deployments)).toEqual([
      {
        label: 'Deployment',
        kind: 'text',
        from: '3f9c2ab feat: checkout retries',
        to: '8d01e7c fix: totals',
      },
      { label: 'Commit', kind: 'text', to: '8d01e7c00000' },
      { label: 'URL', kind: 'url', to: 'acme-web-8d01e7c-acme-inc.vercel.app' },
    ]);
    expect(deploymentIdsOf([promote]).sort()).toEqual([11, 12, 13]);
  });

  it('shows the backup branch and restored-to time a rollback with a database restore made, in full', () => {
    const backupBranch =
      'main-before-rollback-a-very-long-operation-name-that-must-not-be-cut-1234';
    const rollback = entry({
      kind: 'rollback',
      action: 'rollback',
      before: { productionDeploymentId: 12, targetDeploymentId: 11, restoreDatabase: true },
      after: { productionDeploymentId: 11, restoredTo: '2026-12-01T09:59:59.000Z', backupBranch },
    });
    expect(auditFields(rollback, deployments)).toEqual([
      {
        label: 'Deployment',
        kind: 'text',
        from: '8d01e7c fix: totals',
        to: '3f9c2ab feat: checkout retries',
      },
      { label: 'Restored to', kind: 'time', to: '2026-12-01T09:59:59.000Z' },
      { label: 'Backup branch', kind: 'copyable', to: backupBranch },
    ]);
  });

  it('never shows a bare deployment id, even for one no longer stored', () => {
    const fields = auditFields(
      entry({ before: { deploymentId: 99, productionDeploymentId: 11 } }),
      deployments,
    );
    expect(fields[0]!.to).toBe('a deployment no longer stored');
    expect(JSON.stringify(fields)).not.toContain('99');
  });

  it('shows a role change as the role held before and after', () => {
    const change = entry({
      kind: 'membership',
      action: 'membership',
      before: { member: 'leo-brandt', role: 'viewer' },
      after: { member: 'leo-brandt', role: 'release_manager', team: 'acme-inc/release' },
    });
    expect(auditFields(change, deployments)).toEqual([
      { label: 'Role', kind: 'text', from: 'viewer', to: 'release manager (acme-inc/release)' },
    ]);
  });

  it('shows a preview deletion by branch and what it deleted', () => {
    const deletion = entry({
      kind: 'delete',
      action: 'delete',
      before: {
        gitBranch: 'feat/checkout',
        dbBranch: 'preview/feat/checkout',
        deployments: ['d1'],
      },
      after: {
        deployments: { d1: 'deleted', d2: 'deleted' },
        dbBranchDeleted: 'preview/feat/checkout',
      },
    });
    expect(auditFields(deletion, deployments)).toEqual([
      { label: 'Git branch', kind: 'text', from: 'feat/checkout' },
      { label: 'Database branch', kind: 'text', from: 'preview/feat/checkout', to: 'deleted' },
      { label: 'Deployments', kind: 'text', to: '2 deleted' },
    ]);
  });

  it('a pin and a freeze show their window, reason and who set it, before and after', () => {
    const pin = auditFields(
      entry({
        kind: 'pin',
        before: { pinned: false },
        after: {
          pinned: true,
          pinnedUntil: '2026-12-20T23:59:59.999Z',
          pinReason: 'client demo',
          pinnedBy: 'dev',
        },
      }),
      deployments,
    );
    expect(pin).toEqual([
      { label: 'Pinned until', kind: 'time', from: undefined, to: '2026-12-20T23:59:59.999Z' },
      { label: 'Pin reason', kind: 'text', from: undefined, to: 'client demo' },
      { label: 'Pinned by', kind: 'text', from: undefined, to: 'dev' },
    ]);
    const cleared = auditFields(
      entry({
        kind: 'freeze',
        before: {
          frozen: true,
          frozenFrom: '2026-12-07T10:00:00.000Z',
          frozenUntil: '2026-12-08T10:00:00.000Z',
          freezeReason: 'release week',
          frozenBy: 'rm',
        },
        after: { frozen: false },
      }),
      deployments,
    );
    expect(cleared.map((field) => [field.label, field.from, field.to])).toEqual([
      ['Frozen from', '2026-12-07T10:00:00.000Z', undefined],
      ['Frozen until', '2026-12-08T10:00:00.000Z', undefined],
      ['Freeze reason', 'release week', undefined],
      ['Frozen by', 'rm', undefined],
    ]);
  });
});
