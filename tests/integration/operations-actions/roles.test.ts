import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { operations } from '@/db/schema';
import type { Role } from '@/lib/domain/roles';
import { createWorld, type World } from '../operations/world';
import { request } from './next-mocks';
import { serveWorld, signInAs } from './session';

vi.mock('next/headers', async () => (await import('./next-mocks')).headersModule());
vi.mock('next/cache', async () => (await import('./next-mocks')).cacheModule());
vi.mock('next/server', async (original) => (await import('./next-mocks')).serverModule(original));

const { requestPromotionAction, rollbackAction } = await import('@/app/(board)/actions/release');
const { reseedPreviewAction, deletePreviewAction } = await import('@/app/(board)/actions/preview');
const { approvePromotionAction, rejectPromotionAction } =
  await import('@/app/(board)/actions/approval');

/**
 * The role rules at the server-action layer, as a forged request meets them: each action called
 * directly with a real session cookie of each role, against ids that do not exist. A role that
 * may act gets past the guard to the operation, which answers not_found; one that may not is
 * forbidden before anything is read or written.
 */

let world: World;
beforeAll(async () => {
  world = await createWorld();
  serveWorld(world);
});
afterAll(() => world.close());

const MISSING = 424_242;
const calls = {
  promote: () => requestPromotionAction({ deploymentId: MISSING, reason: 'release' }),
  approve: () => approvePromotionAction({ operationId: MISSING, reason: 'looks good' }),
  reject: () => rejectPromotionAction({ operationId: MISSING, reason: 'not now' }),
  rollback: () => rollbackAction({ targetDeploymentId: MISSING, reason: 'bad release' }),
  reseed: () => reseedPreviewAction({ environmentId: MISSING }),
  delete: () => deletePreviewAction({ environmentId: MISSING }),
};
const minimum: Record<keyof typeof calls, Role> = {
  promote: 'release_manager',
  approve: 'release_manager',
  reject: 'release_manager',
  rollback: 'release_manager',
  reseed: 'developer',
  delete: 'developer',
};
const ROLES: Role[] = ['viewer', 'developer', 'release_manager', 'admin'];
const rank = (role: Role) => ROLES.indexOf(role);

describe('server actions: role × action', () => {
  const cases = (Object.keys(calls) as (keyof typeof calls)[]).flatMap((action) =>
    ROLES.map((role) => ({ action, role, may: rank(role) >= rank(minimum[action]) })),
  );

  it.each(cases)('$role calling $action: allowed $may', async ({ action, role, may }) => {
    await signInAs(world.users[role]);
    const result = await calls[action]();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(may ? 'not_found' : 'forbidden');
  });

  it.each(Object.keys(calls) as (keyof typeof calls)[])(
    'without a session, %s is unauthenticated',
    async (action) => {
      await signInAs(undefined);
      const result = await calls[action]();
      expect(result).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    },
  );

  it('a forged cookie (sealed with another secret) counts as no session', async () => {
    request.cookie = 'next-auth.session-token=forged.value.here';
    const result = await calls.rollback();
    expect(result).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('refused calls leave no operation behind and revalidate nothing', async () => {
    expect(await world.db.select().from(operations)).toEqual([]);
    expect(request.revalidated).toEqual([]);
  });
});
