import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/cron/cleanup/route';
import { syncRuns } from '@/db/schema';
import { provision } from '@/lib/operations';
import { cronRequest, useCronEnvironment } from '../sync/cron-env';
import { closeAtGitHub, syncPullRequests } from './cleanup-support';
import { createWorld, NEON_PROJECT, openPullRequest, REPO, TOKEN, type World } from './world';

let world: World;
let restore: () => void;

beforeAll(async () => {
  world = await createWorld();
  restore = useCronEnvironment(world.handle, {
    GITHUB_API_URL: world.github.baseUrl,
    GITHUB_TOKEN: TOKEN,
    GITHUB_REPOSITORY: `${REPO.owner}/${REPO.name}`,
    VERCEL_API_URL: world.vercel.baseUrl,
    VERCEL_TOKEN: TOKEN,
    NEON_API_URL: world.neon.apiUrl,
    NEON_API_KEY: TOKEN,
    NEON_PROJECT_ID: NEON_PROJECT,
  });
});
afterAll(async () => {
  restore?.();
  await world?.close();
});

const PATH = '/api/cron/cleanup';

describe('GET /api/cron/cleanup', () => {
  it('is 401 without the cron secret, before any work', async () => {
    const response = await GET(cronRequest(PATH, null));
    expect(response.status).toBe(401);
    expect(await world.db.select().from(syncRuns)).toEqual([]);
  });

  it('deletes a merged pull request’s preview as one operations.cleanup sync run', async () => {
    const pr = await openPullRequest(world, 'feature-merged');
    const provisioned = await provision(world.db, world.clients, { pullRequest: pr });
    expect(provisioned.ok).toBe(true);
    closeAtGitHub(world, pr.number, true);
    await syncPullRequests(world);

    const response = await GET(cronRequest(PATH));
    expect(response.status).toBe(200);
    const { run } = await response.json();
    expect(run).toMatchObject({
      kind: 'operations.cleanup',
      status: 'succeeded',
      itemsChanged: 1,
      errors: [],
    });
    const environment = await world.db.query.environments.findFirst({
      where: (e, { eq: is }) => is(e.pullRequestId, pr.id),
    });
    expect(environment?.status).toBe('deleted');
    const names = [...world.neon.store.branches.values()].map((branch) => branch.name);
    expect(names).not.toContain('preview/feature-merged');
  });

  it('fails the run with the reason when CLEANUP_MAX_DELETIONS is not a number', async () => {
    process.env.CLEANUP_MAX_DELETIONS = 'lots';
    try {
      const response = await GET(cronRequest(PATH));
      const { run } = await response.json();
      expect(run).toMatchObject({ kind: 'operations.cleanup', status: 'failed' });
      expect(run.errors[0]).toMatch(/^invalid settings: .*CLEANUP_MAX_DELETIONS/);
    } finally {
      delete process.env.CLEANUP_MAX_DELETIONS;
    }
  });
});
