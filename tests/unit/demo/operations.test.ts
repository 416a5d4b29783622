import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED, generateDemoHistory } from '@/lib/demo';
import { CLOSED_PULL_REQUESTS } from '@/lib/demo/history';
import { hasRole } from '@/lib/domain/roles';

const now = new Date('2026-03-18T10:25:00Z');
const history = generateDemoHistory({ now, seed: DEFAULT_SEED });
const roles = new Map(history.team.map((person) => [person.githubLogin, person.role]));
const production = history.deployments.filter((row) => row.target === 'production');
const ofKind = <Kind extends (typeof history.operations)[number]['kind']>(kind: Kind) =>
  history.operations.filter(
    (row): row is Extract<(typeof history.operations)[number], { kind: Kind }> => row.kind === kind,
  );

describe('the demo history in the audit log', () => {
  it('records each promotion at the time production began serving it, requested and approved by two release managers', () => {
    const promotes = ofKind('promote');
    const promoted = production.filter((row) => row.source === 'promote');
    expect(promotes.map((op) => op.promotion.servedVercelId)).toEqual(
      promoted.map((row) => row.vercelId),
    );
    for (const op of promotes) {
      const served = promoted.find((row) => row.vercelId === op.promotion.servedVercelId)!;
      expect(op.promotion.sourceVercelId).toBe(served.sourceVercelId);
      expect(op.startedAt.getTime()).toBeLessThanOrEqual(served.providerCreatedAt.getTime());
      expect(op.finishedAt).toEqual(served.readyAt);
      expect(roles.get(op.actor)).toBe('release_manager');
      expect(roles.get(op.approval.approver)).toBe('release_manager');
      expect(op.approval.approver).not.toBe(op.actor);
      expect(op.requestedAt.getTime()).toBeLessThan(op.approval.at.getTime());
      expect(op.approval.at).toEqual(op.startedAt);
      expect(op.reason).not.toBe('');
    }
  });

  it('records both rollbacks, from the bad promote to the deployment served before it', () => {
    const rollbacks = ofKind('rollback');
    const rolledBack = production.filter((row) => row.source === 'rollback');
    expect(rollbacks).toHaveLength(2);
    for (const [index, op] of rollbacks.entries()) {
      const served = rolledBack[index]!;
      const at = production.indexOf(served);
      expect(op.rollback).toEqual({
        fromVercelId: production[at - 1]!.vercelId,
        targetVercelId: served.sourceVercelId,
        servedVercelId: served.vercelId,
      });
      expect(op.startedAt).toEqual(served.providerCreatedAt);
      expect(roles.get(op.actor)).toBe('release_manager');
      expect(op.reason).toMatch(/^503s on production since the promote of [0-9a-f]{7}$/);
    }
  });

  it('records the deletion of every closed pull request’s preview, when the preview was deleted, by someone allowed to', () => {
    const deletes = ofKind('delete');
    const deleted = history.environments.filter(
      (env) => env.kind === 'preview' && env.status === 'deleted',
    );
    expect(deletes).toHaveLength(CLOSED_PULL_REQUESTS);
    expect(deletes.map((op) => op.environmentSlug).sort()).toEqual(
      deleted.map((env) => env.slug).sort(),
    );
    const authors = new Map(history.pullRequests.map((pr) => [`pr-${pr.number}`, pr.author]));
    for (const op of deletes) {
      const env = deleted.find((row) => row.slug === op.environmentSlug)!;
      expect(op.startedAt.getTime()).toBeLessThan(env.deletedAt!.getTime());
      expect(op.finishedAt.getTime()).toBeGreaterThan(env.deletedAt!.getTime());
      const role = roles.get(op.actor)!;
      // A developer deletes only their own pull request's preview; release managers any.
      if (!hasRole(role, 'release_manager')) expect(op.actor).toBe(authors.get(env.slug));
      expect(hasRole(role, 'developer')).toBe(true);
      expect(op.reason).toMatch(/^Pull request #\d+ (merged|closed)$/);
      expect(op.deletion.gitBranch).toBe(env.gitBranch);
    }
  });

  it('lists the operations oldest first, all by members of the demo team', () => {
    const times = history.operations.map((op) => op.requestedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    for (const op of history.operations) expect(roles.has(op.actor)).toBe(true);
  });
});
