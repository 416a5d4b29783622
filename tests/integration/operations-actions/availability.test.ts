import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provision, deletePreview, requestPromotion } from '@/lib/operations';
import {
  deploymentRowsAvailability,
  previewAvailability,
  promotionAvailability,
  rollbackAvailability,
} from '@/lib/operations/availability';
import { createWorld, openPullRequest, stagingRelease, type World } from '../operations/world';

/**
 * What the buttons show: the engine's own preconditions, read before anyone clicks, so a
 * disabled button names the reason the operation would refuse with.
 */

let world: World;
beforeAll(async () => {
  world = await createWorld({ requireApproval: true });
});
afterAll(() => world.close());

const releaseManager = () => world.actor(world.users.release_manager, 'release_manager');

describe('promotion availability', () => {
  it('names each failed gate check, as the promotion would', async () => {
    const red = await stagingRelease(world, { checks: { ci: 'failure', e2e: 'none' } });
    const availability = await promotionAvailability(world.db, red.id, new Date());
    expect(availability.allowed).toBe(false);
    if (availability.allowed) return;
    expect(availability.reason).toContain('required check "ci" failed');
    expect(availability.reason).toContain('required check "e2e" has not run');
  });

  it('is open for a green build, and names the waiting promotion once one holds production', async () => {
    const green = await stagingRelease(world);
    expect(await promotionAvailability(world.db, green.id, new Date())).toEqual({ allowed: true });
    const requested = await requestPromotion(world.db, world.clients, releaseManager(), {
      deploymentId: green.id,
      reason: 'release',
      idempotencyKey: 'availability-lock',
    });
    expect(requested.ok).toBe(true);
    const other = await stagingRelease(world);
    const held = await promotionAvailability(world.db, other.id, new Date());
    expect(held).toEqual({
      allowed: false,
      reason: expect.stringMatching(/^a promotion by @.+ is waiting for approval on Production$/),
      brief: 'Promotion in progress',
    });
    // Rollbacks wait for the same lock.
    expect(
      await rollbackAvailability(world.db, world.production.currentDeploymentId!),
    ).toMatchObject({ allowed: false });
  });
});

describe('rollback availability', () => {
  it("refuses the deployment production already serves, with the rollback's own words", async () => {
    const served = world.production.currentDeploymentId!;
    const { offers, servedId } = await deploymentRowsAvailability(
      world.db,
      world.project.id,
      [
        {
          id: served,
          environmentKind: 'production',
          target: 'production',
          state: 'ready',
          createdAt: new Date(),
          commitSha: 'a'.repeat(40),
          commitMessage: 'feat: served',
        },
      ],
      new Date(),
    );
    // The served deployment offers nothing on its row.
    expect(servedId).toBe(served);
    expect(offers.size).toBe(0);
  });
});

describe('preview availability', () => {
  it('offers reseed and delete on a live preview, and says why not once it is deleted', async () => {
    const pr = await openPullRequest(world, 'feature-availability');
    expect((await provision(world.db, world.clients, { pullRequest: pr })).ok).toBe(true);
    const preview = (await world.db.query.environments.findFirst({
      where: (e, { eq }) => eq(e.pullRequestId, pr.id),
    }))!;
    const developer = world.actor(world.users.developer, 'developer');
    expect(await previewAvailability(world.db, preview.id, developer)).toEqual({
      reseed: { allowed: true },
      delete: { allowed: true },
      pin: { allowed: true },
    });
    expect(
      (await deletePreview(world.db, world.clients, developer, { environmentId: preview.id })).ok,
    ).toBe(true);
    const gone = await previewAvailability(world.db, preview.id, developer);
    expect(gone.delete).toEqual({
      allowed: false,
      reason: `${preview.name} has already been deleted.`,
    });
  });

  it('production is not a preview', async () => {
    const availability = await previewAvailability(
      world.db,
      world.production.id,
      world.actor(world.users.admin, 'admin'),
    );
    expect(availability.reseed).toMatchObject({ allowed: false });
  });
});
