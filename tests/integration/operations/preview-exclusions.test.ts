import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEnvironment } from '@/db/queries/environments';
import { listPreviews } from '@/db/queries/previews';
import { environmentExclusion } from '@/lib/domain/preview-exclusion';
import { provision, deletePreview } from '@/lib/operations';
import { previewAvailability } from '@/lib/operations/availability';
import { pullRequestsToProvision } from '@/lib/operations/provision-job';
import { executeDelete } from '@/lib/operations/delete-preview';
import { getEnvironmentContext } from '@/db/queries/operation-contexts';
import { applyPullRequest } from '@/lib/reconcile';
import { createEnvironment } from '@/tests/support/factories';
import { createWorld, openPullRequest, REPO, type World } from './world';

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
afterAll(async () => {
  await world.close();
});

const developer = () => world.actor(world.users.developer, 'developer');
const repository = `${REPO.owner}/${REPO.name}`;

/** A pull request as the sync records it: read back from GitHub, then applied. */
async function syncPullRequest(number: number) {
  const fromGitHub = await world.clients.github.getPullRequest(number);
  await applyPullRequest(world.db, world.project, fromGitHub);
  return (await world.db.query.pullRequests.findFirst({
    where: (pr, { and, eq }) => and(eq(pr.projectId, world.project.id), eq(pr.number, number)),
  }))!;
}

const previewOf = (pullRequestId: number) =>
  world.db.query.environments.findFirst({
    where: (e, { eq }) => eq(e.pullRequestId, pullRequestId),
  });

const neonBranchNamed = (name: string) =>
  [...world.neon.store.branches.values()].find((branch) => branch.name === name);

async function previewRow(number: number) {
  const page = await listPreviews(world.db, world.project.id, { tab: 'open' }, { limit: 100 });
  return page.rows.find((row) => row.pullRequest.number === number)!;
}

describe('a pull request from a fork', () => {
  it('is recorded as a fork and gets no database branch, no DATABASE_URL and no delete', async () => {
    const opened = world.github.change.openPullRequest(repository, {
      head: 'patch-1',
      title: 'Fix a typo',
      author: 'mallory',
      fork: 'mallory/shop',
    });
    const pr = await syncPullRequest(opened.number);
    expect(pr).toMatchObject({ fromFork: true, headBranch: 'patch-1', state: 'open' });

    expect(
      (await pullRequestsToProvision(world.db, world.project.id)).map((p) => p.id),
    ).not.toContain(pr.id);
    const result = await provision(world.db, world.clients, { pullRequest: pr });
    expect(result).toMatchObject({ ok: false, code: 'not_a_preview' });
    expect(!result.ok && result.message).toBe(
      `Pull request #${pr.number} comes from a fork: envboard gives it no preview database, no DATABASE_URL and no delete.`,
    );
    expect(neonBranchNamed('preview/patch-1')).toBeUndefined();
    expect(world.vercel.store.envs.filter((env) => env.gitBranch === 'patch-1')).toEqual([]);

    const environment = (await previewOf(pr.id))!;
    expect(environment).toMatchObject({ kind: 'preview', status: 'active', dbBranchId: null });
    const offers = await previewAvailability(world.db, environment.id, developer());
    expect(offers.delete).toMatchObject({ allowed: false });
    expect(offers.reseed).toMatchObject({ allowed: false });
    const deleted = await deletePreview(world.db, world.clients, developer(), {
      environmentId: environment.id,
    });
    expect(deleted).toMatchObject({ ok: false, code: 'not_a_preview' });
    expect(await previewOf(pr.id)).toMatchObject({ status: 'active' });
  });

  it('shows as "not provisioned: fork" on the previews list and its environment page', async () => {
    const opened = world.github.change.openPullRequest(repository, {
      head: 'feature-cart',
      title: 'A fork’s feature-cart',
      fork: 'someone/shop',
    });
    const pr = await syncPullRequest(opened.number);
    expect((await previewRow(pr.number)).exclusion).toEqual({ reason: 'fork' });

    const environment = (await previewOf(pr.id))!;
    const detail = (await getEnvironment(world.db, world.project.id, environment.slug))!;
    expect(environmentExclusion(detail)).toEqual({ reason: 'fork' });
  });
});

describe('a pull request from another environment’s branch', () => {
  it('is never given a preview, provisioned, or deleted as one', async () => {
    const development = await createEnvironment(world.db, world.project, {
      kind: 'development',
      slug: 'development',
      name: 'Development',
      gitBranch: 'develop',
    });
    const opened = world.github.change.openPullRequest(repository, {
      head: 'develop',
      title: 'Release develop',
      base: 'main',
    });
    const pr = await syncPullRequest(opened.number);
    expect(pr).toMatchObject({ fromFork: false, headBranch: 'develop' });
    expect(await previewOf(pr.id)).toBeUndefined();
    expect((await previewRow(pr.number)).exclusion).toEqual({
      reason: 'environment_branch',
      environmentName: 'Development',
    });

    expect(
      (await pullRequestsToProvision(world.db, world.project.id)).map((p) => p.id),
    ).not.toContain(pr.id);
    const result = await provision(world.db, world.clients, { pullRequest: pr });
    expect(!result.ok && result.message).toBe(
      `Pull request #${pr.number} is from develop, Development's branch: envboard never provisions or deletes it as a preview.`,
    );
    expect(neonBranchNamed('preview/develop')).toBeUndefined();
    expect(world.vercel.store.envs.filter((env) => env.gitBranch === 'develop')).toEqual([]);

    // A preview row an earlier version made for it: neither a member nor cleanup deletes it.
    const built = world.vercel.store.addDeployment({
      projectId: 'prj_shop',
      meta: { githubCommitRef: 'develop' },
    });
    const stale = await createEnvironment(world.db, world.project, {
      kind: 'preview',
      slug: `pr-${pr.number}`,
      gitBranch: 'develop',
      pullRequestId: pr.id,
    });
    const byMember = await deletePreview(world.db, world.clients, developer(), {
      environmentId: stale.id,
    });
    expect(byMember).toMatchObject({ ok: false, code: 'not_a_preview' });
    const context = (await getEnvironmentContext(world.db, stale.id))!;
    const byCleanup = await executeDelete(world.db, world.clients, context, {
      actorId: null,
      reason: 'pull request closed',
      idempotencyKey: `cleanup-delete:${stale.id}`,
    });
    expect(byCleanup).toMatchObject({ ok: false, code: 'not_a_preview' });
    expect(world.vercel.store.deployments.has(built.id)).toBe(true);
    expect(
      await world.db.query.environments.findFirst({
        where: (e, { eq }) => eq(e.id, development.id),
      }),
    ).toMatchObject({ status: 'active' });
  });
});

describe('deleting a preview', () => {
  it('deletes its branch-scoped DATABASE_URL and leaves every other variable', async () => {
    const pr = await openPullRequest(world, 'feature-env-var');
    const other = await openPullRequest(world, 'feature-neighbour');
    await provision(world.db, world.clients, { pullRequest: pr });
    await provision(world.db, world.clients, { pullRequest: other });
    world.vercel.store.upsertEnv('prj_shop', {
      key: 'FEATURE_FLAG',
      value: 'on',
      type: 'plain',
      target: ['preview'],
      gitBranch: 'feature-env-var',
    });
    const scopedTo = (branch: string) =>
      world.vercel.store.envs.filter((env) => env.gitBranch === branch).map((env) => env.key);
    expect(scopedTo('feature-env-var')).toEqual(['DATABASE_URL', 'FEATURE_FLAG']);

    const environment = (await previewOf(pr.id))!;
    const result = await deletePreview(world.db, world.clients, developer(), {
      environmentId: environment.id,
    });
    expect(result).toMatchObject({
      ok: true,
      operation: { state: 'succeeded', after: { databaseUrlRemoved: 'feature-env-var' } },
    });
    expect(scopedTo('feature-env-var')).toEqual(['FEATURE_FLAG']);
    expect(scopedTo('feature-neighbour')).toEqual(['DATABASE_URL']);
  });
});
