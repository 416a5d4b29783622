import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestPromotion } from '@/lib/operations';
import { createWorld, stagingRelease, type World } from './world';

let world: World;
beforeAll(async () => {
  // Vercel accepts promotions with 202 and finishes the alias job later.
  world = await createWorld({ aliasJobMs: 50 });
});
afterAll(() => world.close());

describe('a promotion Vercel finishes later', () => {
  it('waits for the alias job before recording production', async () => {
    const release = await stagingRelease(world);
    const result = await requestPromotion(
      world.db,
      world.clients,
      world.actor(world.users.admin, 'admin'),
      { deploymentId: release.id, reason: 'release', idempotencyKey: 'async-promote' },
    );
    expect(result).toMatchObject({
      ok: true,
      operation: {
        state: 'succeeded',
        after: { accepted: 'later (202)', servedVercelId: release.vercelId },
      },
    });
    const production = await world.db.query.environments.findFirst({
      where: (e, { eq }) => eq(e.id, world.production.id),
    });
    expect(production?.currentDeploymentId).toBe(release.id);
  });
});
