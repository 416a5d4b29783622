import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadPromotionDiff } from '@/lib/operations/promotion-diff';
import { createTestRun, makeCases } from '@/tests/support/factories';
import { createWorld, openPullRequest, REPO, type World } from './world';

let world: World;
beforeEach(async () => {
  world = await createWorld();
});
afterEach(() => world.close());

const servedSha = () =>
  world.github.repository(`${REPO.owner}/${REPO.name}`).branches.get('staging')!;

describe('loadPromotionDiff against the GitHub sandbox', () => {
  it('lists staging’s commits with their pull requests, the migrations they change and the tests on its commit', async () => {
    const base = servedSha();
    const pr = await openPullRequest(world, 'feature-orders');
    const { after: head } = world.github.change.push(`${REPO.owner}/${REPO.name}`, {
      branch: 'staging',
      messages: [`Add the orders table (#${pr.number})`, 'Tidy the checkout copy'],
      files: ['db/migrations/0008_orders.sql', 'app/checkout/page.tsx'],
    });
    await createTestRun(
      world.db,
      world.project,
      { suite: 'e2e', commitSha: head, branch: 'staging', startedAt: new Date() },
      makeCases(3, { 1: 'failed' }),
    );

    const diff = await loadPromotionDiff(world.db, world.clients.github, world.project.id, {
      baseSha: base,
      headSha: head,
    });
    expect(diff.state).toBe('ahead');
    if (diff.state !== 'ahead') return;
    // One push: both commits carry the same time, so their order is not the point here.
    expect(
      diff.commits.map((commit) => [commit.title, commit.pullRequest?.number ?? null]).sort(),
    ).toEqual([
      [`Add the orders table (#${pr.number})`, pr.number],
      ['Tidy the checkout copy', null],
    ]);
    expect(diff.migrations).toEqual(['db/migrations/0008_orders.sql']);
    expect(diff.testRuns).toMatchObject([{ suite: 'e2e', status: 'failed', failed: 1 }]);
  });

  it('is empty when staging serves production’s commit', async () => {
    const sha = servedSha();
    const diff = await loadPromotionDiff(world.db, world.clients.github, world.project.id, {
      baseSha: sha,
      headSha: sha,
    });
    expect(diff).toEqual({ state: 'same', baseSha: sha, headSha: sha });
  });

  it('says why when GitHub fails, without throwing', async () => {
    const failing = {
      compareCommits: () => Promise.reject(new Error('GitHub answered 503')),
    };
    const diff = await loadPromotionDiff(world.db, failing, world.project.id, {
      baseSha: 'a'.repeat(40),
      headSha: 'b'.repeat(40),
    });
    expect(diff).toEqual({
      state: 'unavailable',
      reason: "GitHub's compare failed: GitHub answered 503",
    });
  });
});
