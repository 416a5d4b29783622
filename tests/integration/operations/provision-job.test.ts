import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { environments, operations, projects, pullRequests } from '@/db/schema';
import { upsertPullRequest } from '@/db/writes';
import {
  previewProvisionJob,
  provisionPullRequest,
  pullRequestsToProvision,
} from '@/lib/operations/provision-job';
import { runSync } from '@/lib/sync/run-sync';
import { createWorld, openPullRequest, type World } from './world';

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
afterAll(async () => {
  await world.close();
});

const provisionSync = () => runSync(world.db, previewProvisionJob(world.clients, world.project.id));

async function previewBranchOf(pullRequestId: number) {
  const [environment] = await world.db
    .select()
    .from(environments)
    .where(eq(environments.pullRequestId, pullRequestId));
  return environment?.dbBranchId ?? null;
}

describe('the preview provision sync', () => {
  it('provisions every open pull request whose head has no provision yet, then nothing', async () => {
    const first = await openPullRequest(world, 'feature-search');
    const second = await openPullRequest(world, 'feature-filters');
    expect((await pullRequestsToProvision(world.db, world.project.id)).map((pr) => pr.id)).toEqual([
      first.id,
      second.id,
    ]);

    const run = await provisionSync();
    expect(run).toMatchObject({ status: 'succeeded', itemsSeen: 2, itemsChanged: 2, errors: [] });
    expect(await previewBranchOf(first.id)).not.toBeNull();
    expect(await previewBranchOf(second.id)).not.toBeNull();
    const names = [...world.neon.store.branches.values()].map((branch) => branch.name);
    expect(names).toEqual(
      expect.arrayContaining(['preview/feature-search', 'preview/feature-filters']),
    );

    expect(await provisionSync()).toMatchObject({ itemsSeen: 0, itemsChanged: 0, apiCalls: 0 });
  });

  it('provisions again after a push moves the head, and skips closed pull requests', async () => {
    const pr = await openPullRequest(world, 'feature-export');
    await provisionSync();
    const { id: _id, createdAt: _created, updatedAt: _updated, ...fields } = pr;
    await upsertPullRequest(world.db, {
      ...fields,
      headSha: 'f'.repeat(40),
      providerUpdatedAt: new Date(pr.providerUpdatedAt.getTime() + 60_000),
    });
    const closed = await openPullRequest(world, 'feature-abandoned');
    await world.db
      .update(pullRequests)
      .set({ state: 'closed', closedAt: new Date() })
      .where(eq(pullRequests.id, closed.id));

    expect((await pullRequestsToProvision(world.db, world.project.id)).map((p) => p.id)).toEqual([
      pr.id,
    ]);
    expect(await provisionSync()).toMatchObject({ itemsChanged: 1, errors: [] });
    const provisions = await world.db
      .select({ key: operations.idempotencyKey, state: operations.state })
      .from(operations)
      .where(eq(operations.kind, 'provision'));
    expect(provisions).toContainEqual({
      key: `provision:${world.project.id}:${pr.number}:${'f'.repeat(40)}`,
      state: 'succeeded',
    });
  });

  it('provisions one pull request by number, and ignores one that is not open', async () => {
    const pr = await openPullRequest(world, 'feature-webhook');
    await provisionPullRequest(world.db, world.clients, world.project.id, pr.number);
    expect(await previewBranchOf(pr.id)).not.toBeNull();

    const before = await world.db.select().from(operations);
    await provisionPullRequest(world.db, world.clients, world.project.id, 9_999);
    expect(await world.db.select().from(operations)).toHaveLength(before.length);
  });
});

describe('a failed provisioning', () => {
  it('is retried by the sync after its backoff, not before, and not again once it succeeded', async () => {
    const pr = await openPullRequest(world, 'feature-retry');
    const start = Date.now();
    let now = new Date(start);
    const clients = { ...world.clients, now: () => now };
    const sync = () => runSync(world.db, previewProvisionJob(clients, world.project.id));
    const due = async (minutes: number) => {
      now = new Date(start + minutes * 60_000);
      return (await pullRequestsToProvision(world.db, world.project.id, now)).some(
        (candidate) => candidate.id === pr.id,
      );
    };
    const key = `provision:${world.project.id}:${pr.number}:${pr.headSha}`;
    const provisions = () =>
      world.db
        .select({ key: operations.idempotencyKey, state: operations.state })
        .from(operations)
        .where(like(operations.idempotencyKey, `${key}%`))
        .orderBy(operations.id);
    const setVercelProject = (id: string | null) =>
      world.db
        .update(projects)
        .set({ vercelProjectId: id })
        .where(eq(projects.id, world.project.id));

    // Vercel cannot take the DATABASE_URL: the first attempt fails, and the one 10 minutes on.
    await setVercelProject(null);
    expect(await due(0)).toBe(true);
    await sync();
    expect(await due(9)).toBe(false);
    expect(await due(10)).toBe(true);
    await sync();
    expect(await due(29)).toBe(false);
    await setVercelProject('prj_shop');
    expect(await due(30)).toBe(true);
    expect(await sync()).toMatchObject({ itemsChanged: 1, errors: [] });
    expect(await provisions()).toEqual([
      { key, state: 'failed' },
      { key: `${key}:retry-1`, state: 'failed' },
      { key: `${key}:retry-2`, state: 'succeeded' },
    ]);
    expect(world.vercel.store.envs.some((env) => env.gitBranch === 'feature-retry')).toBe(true);

    expect(await due(24 * 60)).toBe(false);
    expect(await sync()).toMatchObject({ itemsSeen: 0 });
    expect(await provisions()).toHaveLength(3);
  });
});
