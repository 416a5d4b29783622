import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { environments, pullRequests, syncRuns } from '@/db/schema';
import { cleanup, provision } from '@/lib/operations';
import { cleanupJob } from '@/lib/operations/cleanup-job';
import { runSync } from '@/lib/sync/run-sync';
import { createWorld, openPullRequest, type World } from './world';

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
afterAll(() => world.close());

const DAY = 86_400_000;

async function preview(branch: string) {
  const pr = await openPullRequest(world, branch);
  const result = await provision(world.db, world.clients, { pullRequest: pr });
  if (!result.ok) throw new Error(result.message);
  const environment = (await world.db.query.environments.findFirst({
    where: (e, { eq: is }) => is(e.pullRequestId, pr.id),
  }))!;
  return { pr, environment };
}

const status = async (id: number) =>
  (await world.db.query.environments.findFirst({ where: (e, { eq: is }) => is(e.id, id) }))!.status;

describe('cleanup', () => {
  it('removes closed and idle previews and orphans, keeping open, pinned and production work', async () => {
    const open = await preview('feature-open');
    const closed = await preview('feature-closed');
    await world.db
      .update(pullRequests)
      .set({ state: 'merged' })
      .where(eq(pullRequests.id, closed.pr.id));
    const idle = await preview('feature-idle');
    const pinned = await preview('feature-pinned');
    const longAgo = new Date(Date.now() - 8 * DAY);
    await world.db
      .update(environments)
      .set({ lastActivityAt: longAgo })
      .where(eq(environments.id, idle.environment.id));
    await world.db
      .update(environments)
      .set({ lastActivityAt: longAgo, pinned: true })
      .where(eq(environments.id, pinned.environment.id));
    // Left behind with no pull request: a branch and a preview deployment.
    const ghostBranch = await world.clients.neon.createBranch({
      name: 'preview/ghost',
      withCompute: false,
    });
    await world.clients.neon.waitForOperations(ghostBranch.operations);
    const ghostDeployment = world.vercel.store.addDeployment({
      projectId: 'prj_shop',
      meta: { githubCommitRef: 'ghost' },
    });
    const openDeployment = world.vercel.store.addDeployment({
      projectId: 'prj_shop',
      meta: { githubCommitRef: 'feature-open' },
    });

    const report = await cleanup(world.db, world.clients, new Date());
    expect(report.errors).toEqual([]);
    expect(report.previews.map(({ name, why }) => ({ name, why }))).toEqual([
      { name: closed.environment.name, why: `pull request #${closed.pr.number} merged` },
      { name: idle.environment.name, why: `idle since ${longAgo.toISOString()}` },
    ]);
    expect(report.orphanBranches).toEqual([
      { neonBranchId: ghostBranch.branch.id, name: 'preview/ghost' },
    ]);
    expect(report.orphanDeployments).toEqual([
      { vercelId: ghostDeployment.id, gitBranch: 'ghost' },
    ]);

    expect(await status(open.environment.id)).toBe('active');
    expect(await status(pinned.environment.id)).toBe('active');
    expect(await status(closed.environment.id)).toBe('deleted');
    expect(await status(idle.environment.id)).toBe('deleted');
    expect(world.vercel.store.deployments.has(openDeployment.id)).toBe(true);
    expect(world.vercel.store.project('prj_shop').productionId).not.toBeNull();
    const names = [...world.neon.store.branches.values()].map((branch) => branch.name);
    expect(names).toEqual(
      expect.arrayContaining(['main', 'staging', 'preview/feature-open', 'preview/feature-pinned']),
    );
    expect(names).not.toContain('preview/ghost');
    expect(names).not.toContain('preview/feature-closed');

    const deletes = await world.db.query.operations.findMany({
      where: (o, { eq: is }) => is(o.kind, 'delete'),
      orderBy: (o, { asc }) => asc(o.id),
    });
    expect(deletes.map((o) => [o.state, o.actorId, o.reason])).toEqual([
      ['succeeded', null, `pull request #${closed.pr.number} merged`],
      ['succeeded', null, `idle since ${longAgo.toISOString()}`],
    ]);
    const sweep = await world.db.query.operations.findFirst({
      where: (o, { eq: is }) => is(o.kind, 'cleanup'),
    });
    expect(sweep).toMatchObject({ state: 'succeeded', environmentId: null });
  });

  it('runs from the cron as one operations.cleanup sync run', async () => {
    const run = await runSync(world.db, cleanupJob(world.clients));
    expect(run).toMatchObject({ kind: 'operations.cleanup', status: 'succeeded', errors: [] });
    expect(run.apiCalls).toBeGreaterThan(0);
    const rows = await world.db
      .select()
      .from(syncRuns)
      .where(eq(syncRuns.kind, 'operations.cleanup'));
    expect(rows).toHaveLength(1);
  });
});
