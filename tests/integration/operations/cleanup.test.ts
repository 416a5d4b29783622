import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { environments } from '@/db/schema';
import { markEnvironmentDeleted } from '@/db/writes/operations';
import { cleanup } from '@/lib/operations';
import { cleanupJob } from '@/lib/operations/cleanup-job';
import { cleanupSettings } from '@/lib/sync/cron-syncs';
import { runSync } from '@/lib/sync/run-sync';
import { createEnvironment } from '@/tests/support/factories';
import {
  closeAtGitHub,
  environmentStatus,
  neonBranchNames,
  previewBuild,
  provisionedPreview,
  SETTINGS,
  syncPullRequests,
} from './cleanup-support';
import { createWorld, openPullRequest, type World } from './world';

let world: World;
beforeEach(async () => {
  world = await createWorld();
});
afterEach(() => world.close());

const DAY = 86_400_000;
const MINUTE = 60_000;
const sweep = (settings = SETTINGS) =>
  runSync(
    world.db,
    cleanupJob(world.clients, () => settings),
  );
const operationsOf = (kind: 'delete' | 'cleanup') =>
  world.db.query.operations.findMany({
    where: (o, { eq: is }) => is(o.kind, kind),
    orderBy: (o, { asc }) => asc(o.id),
  });

describe('cleanup', () => {
  it('deletes previews whose pull request closed and idle ones, keeping open and pinned ones', async () => {
    const open = await provisionedPreview(world, 'feature-open');
    const closed = await provisionedPreview(world, 'feature-closed');
    const idle = await provisionedPreview(world, 'feature-idle');
    const pinned = await provisionedPreview(world, 'feature-pinned');
    closeAtGitHub(world, closed.pr.number, true);
    await syncPullRequests(world);
    const longAgo = new Date(Date.now() - 8 * DAY);
    await world.db
      .update(environments)
      .set({ lastActivityAt: longAgo })
      .where(eq(environments.id, idle.environment.id));
    await world.db
      .update(environments)
      .set({ lastActivityAt: longAgo, pinned: true })
      .where(eq(environments.id, pinned.environment.id));
    const openDeployment = previewBuild(world, 'feature-open');

    const report = await cleanup(world.db, world.clients, new Date(), SETTINGS);
    expect(report).toMatchObject({ refusal: null, errors: [], deferred: [] });
    expect(report.previews.map(({ name, why }) => ({ name, why }))).toEqual([
      { name: closed.environment.name, why: `pull request #${closed.pr.number} merged` },
      { name: idle.environment.name, why: `idle since ${longAgo.toISOString()}` },
    ]);
    expect(await environmentStatus(world, open.environment.id)).toBe('active');
    expect(await environmentStatus(world, pinned.environment.id)).toBe('active');
    expect(await environmentStatus(world, closed.environment.id)).toBe('deleted');
    expect(await environmentStatus(world, idle.environment.id)).toBe('deleted');
    expect(world.vercel.store.deployments.has(openDeployment.id)).toBe(true);
    expect(neonBranchNames(world)).toEqual(
      expect.arrayContaining(['main', 'staging', 'preview/feature-open', 'preview/feature-pinned']),
    );
    expect(neonBranchNames(world)).not.toContain('preview/feature-closed');

    const deletes = await operationsOf('delete');
    expect(deletes.map((o) => [o.state, o.actorId, o.reason])).toEqual([
      ['succeeded', null, `pull request #${closed.pr.number} merged`],
      ['succeeded', null, `idle since ${longAgo.toISOString()}`],
    ]);
    const [sweepRow] = await operationsOf('cleanup');
    expect(sweepRow).toMatchObject({ state: 'succeeded', environmentId: null, actorId: null });
  });

  it('deletes what envboard created for a closed pull request once its preview is gone', async () => {
    const gone = await provisionedPreview(world, 'feature-gone');
    closeAtGitHub(world, gone.pr.number);
    // The preview row went, but its Neon branch and a late build were left behind.
    await world.db
      .update(environments)
      .set({ status: 'deleted', dbBranchId: null })
      .where(eq(environments.id, gone.environment.id));
    const late = previewBuild(world, 'feature-gone');
    await syncPullRequests(world);

    const run = await sweep();
    expect(run).toMatchObject({ status: 'succeeded', errors: [], itemsChanged: 2 });
    expect(neonBranchNames(world)).not.toContain('preview/feature-gone');
    expect(world.vercel.store.deployments.has(late.id)).toBe(false);
    const [sweepRow] = await operationsOf('cleanup');
    expect(sweepRow!.after).toMatchObject({
      orphanBranches: [{ neonBranchId: gone.neonBranchId, name: 'preview/feature-gone' }],
      orphanDeployments: [{ vercelId: late.id, gitBranch: 'feature-gone' }],
    });
  });

  it('never deletes a Neon branch or deployment envboard did not create', async () => {
    const closed = await provisionedPreview(world, 'feature-done');
    closeAtGitHub(world, closed.pr.number);
    // Made by hand: a preview-named branch, one named like envboard's closed preview, and builds.
    const handMade = world.neon.store.createBranch({ name: 'preview/hand-made', compute: false });
    await markEnvironmentDeleted(world.db, closed.environment.id, new Date());
    const lookalike = world.neon.store.createBranch({
      name: 'preview/feature-done',
      compute: false,
    });
    const stray = previewBuild(world, 'hand-made');
    await syncPullRequests(world);

    const run = await sweep();
    expect(run).toMatchObject({ status: 'succeeded', errors: [] });
    expect(world.neon.store.branches.has(handMade.branch.id)).toBe(true);
    expect(world.neon.store.branches.has(lookalike.branch.id)).toBe(true);
    expect(world.vercel.store.deployments.has(stray.id)).toBe(true);
  });

  it("keeps the development branch's deployments and every long-lived branch's", async () => {
    await createEnvironment(world.db, world.project, {
      kind: 'development',
      slug: 'development',
      name: 'Development',
      gitBranch: 'develop',
    });
    // develop → main was proposed and closed. Provisioning refuses such a pull request today, but
    // a preview row stored before that shares develop with development.
    const release = await openPullRequest(world, 'develop');
    await createEnvironment(world.db, world.project, {
      kind: 'preview',
      slug: `pr-${release.number}`,
      name: `PR #${release.number}`,
      gitBranch: 'develop',
      pullRequestId: release.id,
    });
    closeAtGitHub(world, release.number);
    const develop = [previewBuild(world, 'develop'), previewBuild(world, 'develop')];
    const longLived = previewBuild(world, 'release-2026');
    await syncPullRequests(world);

    const run = await sweep();
    expect(run).toMatchObject({ status: 'succeeded', errors: [] });
    for (const build of [...develop, longLived]) {
      expect(world.vercel.store.deployments.has(build.id)).toBe(true);
    }
    expect(world.vercel.store.project('prj_shop').productionId).not.toBeNull();
  });

  it('refuses, deleting nothing, when the pull-request sync is stale or never ran', async () => {
    const closed = await provisionedPreview(world, 'feature-stale');
    closeAtGitHub(world, closed.pr.number);
    const never = await sweep();
    expect(never.status).toBe('failed');
    expect(never.errors).toEqual([
      'cleanup refused: the pull-request sync has never succeeded, so which pull requests are closed is unknown',
    ]);

    await syncPullRequests(world, new Date(Date.now() - 21 * MINUTE));
    const stale = await sweep();
    expect(stale.status).toBe('failed');
    expect(stale.errors[0]).toMatch(
      /^cleanup refused: the pull-request sync last succeeded at .*, more than 20 min \(twice its schedule\) ago/,
    );
    expect(await environmentStatus(world, closed.environment.id)).toBe('active');
    expect(neonBranchNames(world)).toContain('preview/feature-stale');
    expect(await operationsOf('delete')).toEqual([]);
    expect(await operationsOf('cleanup')).toEqual([]);
  });

  it('refuses when GitHub lists no open pull request while the board has previews of open ones', async () => {
    const first = await provisionedPreview(world, 'feature-one');
    const second = await provisionedPreview(world, 'feature-two');
    await syncPullRequests(world);
    // GitHub now answers an empty list (closed here), and no sync has run since.
    closeAtGitHub(world, first.pr.number);
    closeAtGitHub(world, second.pr.number);

    const run = await sweep();
    expect(run.status).toBe('failed');
    expect(run.errors).toEqual([
      'cleanup refused: GitHub lists no open pull request while the board has 2 preview(s) of open ones; refusing rather than treating them all as closed',
    ]);
    expect(await environmentStatus(world, first.environment.id)).toBe('active');
    expect(await environmentStatus(world, second.environment.id)).toBe('active');
  });

  it('deletes at most CLEANUP_MAX_DELETIONS a run and reports the rest', async () => {
    const gone = await provisionedPreview(world, 'feature-many');
    closeAtGitHub(world, gone.pr.number);
    await syncPullRequests(world);
    expect((await sweep()).status).toBe('succeeded');
    // 25 builds of the closed pull request's branch turn up after its preview went.
    const builds = Array.from({ length: 25 }, () => previewBuild(world, 'feature-many'));

    const run = await sweep(cleanupSettings({}));
    expect(run.status).toBe('succeeded');
    expect(run.itemsChanged).toBe(10);
    const left = builds.filter((build) => world.vercel.store.deployments.has(build.id));
    expect(left).toHaveLength(15);
    expect(run.errors[0]).toBe(
      '15 more to delete, left for the next run (at most 10 deletions a run, CLEANUP_MAX_DELETIONS)',
    );
    const reported = run.errors
      .slice(1)
      .map((line) => /deployment:(\S+) — preview build/.exec(line)?.[1]);
    expect(reported.sort()).toEqual(left.map((build) => build.id).sort());
  });

  it('fails the run naming CLEANUP_MAX_DELETIONS when it is not a positive whole number', async () => {
    const run = await runSync(
      world.db,
      cleanupJob(world.clients, () => cleanupSettings({ CLEANUP_MAX_DELETIONS: 'ten' })),
    );
    expect(run.status).toBe('failed');
    expect(run.errors[0]).toMatch(/^invalid settings: .*CLEANUP_MAX_DELETIONS/);
  });
});
