import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Environment } from '@/db/schema';
import type { Role } from '@/lib/domain/roles';
import { provision } from '@/lib/operations';
import { previewAvailability } from '@/lib/operations/availability';
import { createWorld, openPullRequest, type World } from '../operations/world';
import { finishBackgroundWork, serveWorld, signInAs } from './session';

vi.mock('next/headers', async () => (await import('./next-mocks')).headersModule());
vi.mock('next/cache', async () => (await import('./next-mocks')).cacheModule());
vi.mock('next/server', async (original) => (await import('./next-mocks')).serverModule(original));

const { reseedPreviewAction, deletePreviewAction } = await import('@/app/(board)/actions/preview');

/**
 * Who may act on which preview, through the server actions with real sessions: a developer
 * reseeds any preview but deletes only the previews of their own pull requests; release
 * managers and admins delete any. The buttons' availability says the same.
 */

let world: World;
beforeAll(async () => {
  world = await createWorld();
  serveWorld(world);
});
afterAll(() => world.close());

let branches = 0;
/** A provisioned preview of a pull request opened by `author`. */
async function previewBy(author: string): Promise<Environment> {
  const pr = await openPullRequest(world, `feature-owned-${++branches}`, author);
  const provisioned = await provision(world.db, world.clients, { pullRequest: pr });
  expect(provisioned.ok).toBe(true);
  return (await world.db.query.environments.findFirst({
    where: (e, { eq }) => eq(e.pullRequestId, pr.id),
  }))!;
}

const someoneElse = 'someone-else';
const actorOf = (role: Role) => world.actor(world.users[role], role);

describe('deleting a preview, by role and pull request author', () => {
  it.each([
    { role: 'developer' as const, own: true, may: true },
    { role: 'developer' as const, own: false, may: false },
    { role: 'release_manager' as const, own: false, may: true },
    { role: 'admin' as const, own: false, may: true },
  ])(
    '$role deleting a preview (own pull request: $own): allowed $may',
    async ({ role, own, may }) => {
      const preview = await previewBy(own ? world.users[role].githubLogin : someoneElse);
      const offer = await previewAvailability(world.db, preview.id, actorOf(role));
      expect(offer.delete.allowed).toBe(may);

      await signInAs(world.users[role]);
      const result = await deletePreviewAction({ environmentId: preview.id });
      await finishBackgroundWork();
      const row = await world.db.query.environments.findFirst({
        where: (e, { eq }) => eq(e.id, preview.id),
      });
      if (may) {
        expect(result.ok).toBe(true);
        expect(row!.status).toBe('deleted');
      } else {
        expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
        if (!result.ok) expect(result.error.message).toContain(`(${someoneElse})`);
        expect(offer.delete).toEqual({
          allowed: false,
          reason: expect.stringContaining('a release manager or an admin may delete'),
          brief: 'Only its author, a release manager or an admin may delete it',
        });
        expect(row!.status).toBe('active');
      }
    },
  );

  it('a developer may reseed a preview of someone else’s pull request', async () => {
    const preview = await previewBy(someoneElse);
    const offer = await previewAvailability(world.db, preview.id, actorOf('developer'));
    expect(offer.reseed.allowed).toBe(true);
    await signInAs(world.users.developer);
    const result = await reseedPreviewAction({ environmentId: preview.id });
    expect(result).toMatchObject({ ok: true, data: { kind: 'reseed' } });
    await finishBackgroundWork();
  });

  it('a viewer may do neither, even on a pull request they opened', async () => {
    const preview = await previewBy(world.users.viewer.githubLogin);
    const offer = await previewAvailability(world.db, preview.id, actorOf('viewer'));
    expect(offer.delete.allowed).toBe(false);
    await signInAs(world.users.viewer);
    expect(await deletePreviewAction({ environmentId: preview.id })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});
