import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED, generateDemoHistory } from '@/lib/demo';
import { demoTeam } from '@/lib/demo/team';

const now = new Date('2026-03-18T10:25:00Z');
const history = generateDemoHistory({ now, seed: DEFAULT_SEED });
// Generated up front: a whole history takes about a second, more on a busy machine.
const again = generateDemoHistory({ now, seed: DEFAULT_SEED });
/** Other seeds and dates, to show the shape does not depend on luck. */
const others = [
  generateDemoHistory({ now, seed: DEFAULT_SEED + 1 }),
  generateDemoHistory({ now: new Date('2027-01-05T16:40:00Z'), seed: 77 }),
];
const DAY = 86_400_000;

const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');
const production = history.deployments.filter((row) => row.target === 'production');
const byVercelId = new Map(history.deployments.map((row) => [row.vercelId, row]));

describe('demo history', () => {
  it('is the same for the same seed and now', { timeout: 30_000 }, () => {
    expect(digest(again)).toBe(digest(history));
  });

  it('differs for another seed', () => {
    expect(others[0]!.deployments[0]!.vercelId).not.toBe(history.deployments[0]!.vercelId);
    expect(others[0]!.pullRequests.map((pr) => pr.title)).not.toEqual(
      history.pullRequests.map((pr) => pr.title),
    );
  });

  it('has about ten open pull requests with previews and about sixty closed ones', () => {
    const open = history.pullRequests.filter((pr) => pr.state === 'open');
    expect(open).toHaveLength(10);
    expect(history.pullRequests.length - open.length).toBeGreaterThanOrEqual(55);
    const previews = history.environments.filter((env) => env.kind === 'preview');
    expect(previews.filter((env) => env.status === 'active')).toHaveLength(10);
    expect(previews.filter((env) => env.pinned && env.status === 'active').length).toBeGreaterThan(
      0,
    );
    for (const env of previews.filter((e) => e.status === 'deleted'))
      expect(env.deletedAt).toBeDefined();
  });

  it('keeps open previews alive for the project TTL after their last activity', () => {
    for (const env of history.environments.filter(
      (e) => e.kind === 'preview' && e.status === 'active',
    )) {
      expect(env.expiresAt!.getTime() - env.lastActivityAt!.getTime()).toBe(7 * DAY);
      expect(env.expiresAt!.getTime()).toBeGreaterThan(now.getTime());
    }
  });

  it('rolls production back exactly twice, each time to the previous production deployment', () => {
    const rollbacks = production.filter((row) => row.source === 'rollback');
    expect(rollbacks).toHaveLength(2);
    for (const rollback of rollbacks) {
      const index = production.indexOf(rollback);
      expect(rollback.sourceVercelId).toBe(production[index - 2]!.vercelId);
      expect(production[index + 1]?.source).toBe('promote');
    }
  });

  it('promotes only ready staging builds', () => {
    for (const promote of production.filter((row) => row.source === 'promote')) {
      const source = byVercelId.get(promote.sourceVercelId!)!;
      expect(source.environmentSlug).toBe('staging');
      expect(source.state).toBe('ready');
      expect(source.readyAt!.getTime()).toBeLessThan(promote.providerCreatedAt.getTime());
      expect(promote.commitSha).toBe(source.commitSha);
    }
  });

  it('points every environment at a ready deployment of its own, production at its latest promote', () => {
    for (const env of history.environments) {
      const current = byVercelId.get(env.currentVercelId!);
      expect(current?.environmentSlug, env.slug).toBe(env.slug);
      expect(current?.state).toBe('ready');
    }
    const live = history.environments.find((env) => env.slug === 'production')!.currentVercelId;
    expect(live).toBe(production[production.length - 1]!.vercelId);
    expect(byVercelId.get(live!)!.source).toBe('promote');
  });

  it('covers 90 days of deployments, with failed and canceled builds', () => {
    const first = history.deployments[0]!.providerCreatedAt.getTime();
    expect(now.getTime() - first).toBeGreaterThanOrEqual(89 * DAY);
    const failed = history.deployments.filter((row) => row.state === 'error');
    expect(failed.length).toBeGreaterThan(3);
    for (const row of failed) expect(row.errorMessage).toBeTruthy();
    expect(history.deployments.some((row) => row.state === 'canceled')).toBe(true);
  });

  it('builds in 40 s to 4 min, from 40-hex commits by team members', () => {
    const logins = new Set(demoTeam().map((person) => person.githubLogin));
    for (const row of history.deployments) {
      expect(row.commitSha).toMatch(/^[0-9a-f]{40}$/);
      expect(logins.has(row.commitAuthor)).toBe(true);
      if (row.state === 'ready' && row.source === 'git') {
        expect(row.buildDurationMs).toBeGreaterThanOrEqual(40_000);
        expect(row.buildDurationMs).toBeLessThanOrEqual(240_000);
      }
    }
  });

  it('gives every open preview a Neon branch that expires within 30 days', () => {
    const branches = new Map(history.dbBranches.map((branch) => [branch.neonBranchId, branch]));
    const parents = new Set(
      history.dbBranches.filter((b) => !b.name.startsWith('preview/')).map((b) => b.neonBranchId),
    );
    for (const env of history.environments.filter(
      (e) => e.kind === 'preview' && e.status === 'active',
    )) {
      const branch = branches.get(env.neonBranchId!)!;
      expect(branch.name).toBe(`preview/${env.gitBranch}`);
      expect(parents.has(branch.parentNeonBranchId!)).toBe(true);
      expect(branch.expiresAt!.getTime() - now.getTime()).toBeLessThanOrEqual(30 * DAY);
    }
    expect(history.dbBranches.find((b) => b.isDefault)).toMatchObject({
      name: 'main',
      protected: true,
    });
  });

  it('never records anything after now', () => {
    const times = [
      ...history.deployments.map((row) => row.providerUpdatedAt),
      ...history.ciRuns.map((run) => run.completedAt!),
      ...history.pullRequests.map((pr) => pr.providerUpdatedAt),
      ...history.dbBranches.map((branch) => branch.providerUpdatedAt),
      ...history.testRuns.map(({ run }) => new Date(run.startedAt.getTime() + run.durationMs)),
    ];
    for (const time of times) expect(time.getTime()).toBeLessThanOrEqual(now.getTime());
  });

  it('keeps its shape for other seeds and dates', () => {
    for (const other of others) {
      const rollbacks = other.deployments.filter((row) => row.source === 'rollback');
      expect(rollbacks).toHaveLength(2);
      expect(other.pullRequests.filter((pr) => pr.state === 'open')).toHaveLength(10);
      const live = other.environments.find((env) => env.slug === 'production')!.currentVercelId;
      expect(other.deployments.find((row) => row.vercelId === live)!.source).toBe('promote');
    }
  });
});
