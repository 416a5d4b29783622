import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projects, pullRequests } from '@/db/schema';
import { PREVIEW_COMMENT_MARKER, provision, deletePreview, reseed } from '@/lib/operations';
import { createDeployments } from '@/tests/support/factories';
import { comments, createWorld, openPullRequest, type World } from './world';

let world: World;
let hookServer: Server;
const hookCalls: unknown[] = [];
let hookStatus = 204;

beforeAll(async () => {
  hookServer = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      hookCalls.push(JSON.parse(body));
      response.writeHead(hookStatus).end();
    });
  });
  await new Promise<void>((resolve) => hookServer.listen(0, '127.0.0.1', resolve));
  const { port } = hookServer.address() as AddressInfo;
  world = await createWorld({ seedHookUrl: `http://127.0.0.1:${port}/seed` });
});
afterAll(async () => {
  await world.close();
  await new Promise((resolve) => hookServer.close(resolve));
});

const DAY_MS = 86_400_000;
const developer = () => world.actor(world.users.developer, 'developer');

async function environmentOf(pullRequestId: number) {
  return (await world.db.query.environments.findFirst({
    where: (e, { eq: is }) => is(e.pullRequestId, pullRequestId),
  }))!;
}

describe('provision', () => {
  it('creates preview/<branch> with an expiry, sets the branch DATABASE_URL and the sticky comment', async () => {
    const pr = await openPullRequest(world, 'feature-cart');
    const result = await provision(world.db, world.clients, { pullRequest: pr });
    expect(result).toMatchObject({
      ok: true,
      operation: { kind: 'provision', state: 'succeeded', actorId: null },
    });

    const branch = [...world.neon.store.branches.values()].find(
      (b) => b.name === 'preview/feature-cart',
    );
    expect(branch).toBeDefined();
    const ttlDays = (Date.parse(branch!.expiresAt!) - Date.now()) / 86_400_000;
    expect(ttlDays).toBeGreaterThan(6.9);
    expect(ttlDays).toBeLessThanOrEqual(7);

    const envVar = world.vercel.store.envs.find((env) => env.gitBranch === 'feature-cart');
    expect(envVar).toMatchObject({ key: 'DATABASE_URL', target: ['preview'] });
    expect(envVar!.value).toContain(world.neon.store.endpoints.get(branch!.endpointId!)!.host);

    const environment = await environmentOf(pr.id);
    expect(environment).toMatchObject({
      kind: 'preview',
      status: 'active',
      gitBranch: 'feature-cart',
    });
    const [comment] = comments(world, pr.number);
    expect(environment.prCommentId).toBe(comment!.id);
    expect(comment!.body).toContain(PREVIEW_COMMENT_MARKER);
    expect(comment!.body).toContain('`preview/feature-cart`');
  });

  it('on synchronize keeps one branch and one comment, and the same commit is the same operation', async () => {
    const pr = await openPullRequest(world, 'feature-search');
    const first = await provision(world.db, world.clients, { pullRequest: pr });
    const again = await provision(world.db, world.clients, { pullRequest: pr });
    expect(first.ok && again.ok && again.operation.id === first.operation.id).toBe(true);

    const pushed = world.github.change.push('acme/shop', { branch: 'feature-search' });
    const [synchronized] = await world.db
      .update(pullRequests)
      .set({ headSha: pushed.after, providerUpdatedAt: new Date() })
      .where(eq(pullRequests.id, pr.id))
      .returning();
    const next = await provision(world.db, world.clients, { pullRequest: synchronized! });
    expect(next).toMatchObject({
      ok: true,
      operation: { state: 'succeeded', after: { reused: true } },
    });
    const named = [...world.neon.store.branches.values()].filter(
      (b) => b.name === 'preview/feature-search',
    );
    expect(named).toHaveLength(1);
    expect(comments(world, pr.number)).toHaveLength(1);
  });

  it('on synchronize moves the branch’s expiry to a full TTL after the push, at Neon and on the board', async () => {
    const pr = await openPullRequest(world, 'feature-long-lived');
    const openedAt = Date.now();
    const at = (ms: number) => ({ ...world.clients, now: () => new Date(ms) });
    await provision(world.db, at(openedAt), { pullRequest: pr });
    const neonBranch = () =>
      [...world.neon.store.branches.values()].find((b) => b.name === 'preview/feature-long-lived')!;
    const firstExpiry = Date.parse(neonBranch().expiresAt!);

    const pushedAt = openedAt + 3 * DAY_MS;
    const pushed = world.github.change.push('acme/shop', { branch: 'feature-long-lived' });
    const [synchronized] = await world.db
      .update(pullRequests)
      .set({ headSha: pushed.after, providerUpdatedAt: new Date(pushedAt) })
      .where(eq(pullRequests.id, pr.id))
      .returning();
    const result = await provision(world.db, at(pushedAt), { pullRequest: synchronized! });
    expect(result).toMatchObject({ ok: true, operation: { after: { reused: true } } });

    const expiry = Date.parse(neonBranch().expiresAt!);
    expect(expiry - firstExpiry).toBeGreaterThan(3 * DAY_MS - 2_000);
    expect(Math.abs(expiry - (pushedAt + 7 * DAY_MS))).toBeLessThan(2_000);
    const environment = await environmentOf(pr.id);
    const dbBranch = await world.db.query.dbBranches.findFirst({
      where: (b, { eq: is }) => is(b.id, environment.dbBranchId!),
    });
    expect(dbBranch?.expiresAt?.getTime()).toBe(expiry);
    expect(environment.expiresAt?.getTime()).toBe(expiry);
  });

  it('edits only envboard’s own sticky comment, never a person’s comment quoting the marker', async () => {
    const pr = await openPullRequest(world, 'feature-quoted');
    const quoted = `${PREVIEW_COMMENT_MARKER}\nWhy does the bot say this?`;
    const human = world.github.change.comment('acme/shop', pr.number, {
      author: 'alice',
      body: quoted,
    });
    await provision(world.db, world.clients, { pullRequest: pr });
    const pushed = world.github.change.push('acme/shop', { branch: 'feature-quoted' });
    const [synchronized] = await world.db
      .update(pullRequests)
      .set({ headSha: pushed.after, providerUpdatedAt: new Date() })
      .where(eq(pullRequests.id, pr.id))
      .returning();
    await provision(world.db, world.clients, { pullRequest: synchronized! });

    const all = comments(world, pr.number);
    expect(all).toHaveLength(2);
    expect(human.body).toBe(quoted);
    const own = all.find((comment) => comment.author === 'envboard[bot]')!;
    expect(own.body).toContain(pushed.after.slice(0, 7));
    expect((await environmentOf(pr.id)).prCommentId).toBe(own.id);
  });
});

describe('reseed', () => {
  it('resets the branch from its parent, calls the seed hook, and records the reset', async () => {
    const pr = await openPullRequest(world, 'feature-reseed');
    await provision(world.db, world.clients, { pullRequest: pr });
    const environment = await environmentOf(pr.id);
    hookCalls.length = 0;
    const result = await reseed(world.db, world.clients, developer(), {
      environmentId: environment.id,
    });
    expect(result).toMatchObject({ ok: true, operation: { kind: 'reseed', state: 'succeeded' } });
    expect(hookCalls).toEqual([
      expect.objectContaining({
        environment: environment.slug,
        databaseBranch: 'preview/feature-reseed',
      }),
    ]);
    const dbBranch = await world.db.query.dbBranches.findFirst({
      where: (b, { eq: is }) => is(b.id, environment.dbBranchId!),
    });
    expect(dbBranch?.lastResetAt).toBeInstanceOf(Date);
    const neonBranch = world.neon.store.branches.get(dbBranch!.neonBranchId)!;
    expect(neonBranch.lastResetAt).toBeDefined();
    expect(comments(world, pr.number)[0]!.body).toContain(
      'Database reset from its parent and reseeded',
    );
  });

  it('ends failed when the seed hook refuses, naming the hook’s answer', async () => {
    const pr = await openPullRequest(world, 'feature-hook-fails');
    await provision(world.db, world.clients, { pullRequest: pr });
    const environment = await environmentOf(pr.id);
    hookStatus = 500;
    try {
      const result = await reseed(world.db, world.clients, developer(), {
        environmentId: environment.id,
      });
      expect(result).toMatchObject({ ok: false, code: 'failed' });
      expect(!result.ok && result.operation?.error).toBe(
        'seed-hook: the seed hook answered 500 Internal Server Error',
      );
    } finally {
      hookStatus = 204;
    }
  });

  it('ends failed when the seed hook cannot be reached, saying why', async () => {
    const pr = await openPullRequest(world, 'feature-hook-down');
    await provision(world.db, world.clients, { pullRequest: pr });
    const environment = await environmentOf(pr.id);
    const unreachable: typeof fetch = async () => {
      throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') });
    };
    const result = await reseed(world.db, { ...world.clients, fetch: unreachable }, developer(), {
      environmentId: environment.id,
    });
    expect(!result.ok && result.operation?.error).toBe(
      'seed-hook: the seed hook could not be reached: connect ECONNREFUSED 127.0.0.1:9',
    );
  });

  it('refuses anything but a preview', async () => {
    const result = await reseed(world.db, world.clients, developer(), {
      environmentId: world.staging.id,
    });
    expect(result).toMatchObject({ ok: false, code: 'not_a_preview' });
    expect(!result.ok && result.message).toBe('Only previews can be reseeded; Staging is staging.');
  });
});

describe('delete', () => {
  it('deletes the preview’s deployments and branch, marks it deleted and says so on the pull request', async () => {
    const pr = await openPullRequest(world, 'feature-delete');
    await provision(world.db, world.clients, { pullRequest: pr });
    const environment = await environmentOf(pr.id);
    const built = world.vercel.store.addDeployment({
      projectId: 'prj_shop',
      meta: { githubCommitRef: 'feature-delete' },
    });
    const unrecorded = world.vercel.store.addDeployment({
      projectId: 'prj_shop',
      meta: { githubCommitRef: 'feature-delete' },
    });
    await createDeployments(world.db, environment, [{ vercelId: built.id, url: built.url }]);
    const dbBranch = (await world.db.query.dbBranches.findFirst({
      where: (b, { eq: is }) => is(b.id, environment.dbBranchId!),
    }))!;

    const result = await deletePreview(world.db, world.clients, developer(), {
      environmentId: environment.id,
    });
    expect(result).toMatchObject({ ok: true, operation: { kind: 'delete', state: 'succeeded' } });
    expect(world.vercel.store.deployments.has(built.id)).toBe(false);
    expect(world.vercel.store.deployments.has(unrecorded.id)).toBe(false);
    expect(world.neon.store.branches.has(dbBranch.neonBranchId)).toBe(false);
    expect(await environmentOf(pr.id)).toMatchObject({ status: 'deleted' });
    expect(comments(world, pr.number)).toHaveLength(1);
    expect(comments(world, pr.number)[0]!.body).toContain('deleted');

    const twice = await deletePreview(world.db, world.clients, developer(), {
      environmentId: environment.id,
    });
    expect(twice).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('a reopened pull request gets its preview back', async () => {
    const pr = await openPullRequest(world, 'feature-reopen');
    await provision(world.db, world.clients, { pullRequest: pr });
    const environment = await environmentOf(pr.id);
    await deletePreview(world.db, world.clients, developer(), { environmentId: environment.id });
    const reopened = await provision(world.db, world.clients, {
      pullRequest: {
        ...pr,
        headSha: world.github.change.push('acme/shop', { branch: 'feature-reopen' }).after,
      },
    });
    expect(reopened).toMatchObject({ ok: true, operation: { state: 'succeeded' } });
    expect(await environmentOf(pr.id)).toMatchObject({ status: 'active', id: environment.id });
  });
});

describe('project settings the previews follow', () => {
  it('caps the branch expiry at Neon’s 30 days', async () => {
    await world.db
      .update(projects)
      .set({ previewTtlDays: 90 })
      .where(eq(projects.id, world.project.id));
    try {
      const pr = await openPullRequest(world, 'feature-long-ttl');
      const result = await provision(world.db, world.clients, { pullRequest: pr });
      expect(result.ok).toBe(true);
      const branch = [...world.neon.store.branches.values()].find(
        (b) => b.name === 'preview/feature-long-ttl',
      );
      expect((Date.parse(branch!.expiresAt!) - Date.now()) / 86_400_000).toBeLessThanOrEqual(30);
    } finally {
      await world.db
        .update(projects)
        .set({ previewTtlDays: 7 })
        .where(eq(projects.id, world.project.id));
    }
  });

  it('does not provision a closed pull request', async () => {
    const pr = await openPullRequest(world, 'feature-closed');
    await world.db.update(pullRequests).set({ state: 'closed' }).where(eq(pullRequests.id, pr.id));
    const result = await provision(world.db, world.clients, {
      pullRequest: { ...pr, state: 'closed' },
    });
    expect(result).toMatchObject({ ok: false, code: 'invalid_input' });
  });
});
