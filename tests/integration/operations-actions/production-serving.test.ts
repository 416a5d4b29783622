import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { getProductionServing } from '@/db/queries/production-serving';
import { setCurrentDeployment } from '@/db/writes';
import {
  createDeployments,
  createEnvironment,
  createOperation,
  createProject,
  createUser,
} from '@/tests/support/factories';
import { createTestDatabase } from '@/tests/support/test-database';

/** Production, what it serves and who holds its lock: the one read every operation offer starts from. */

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
});

afterAll(async () => {
  await handle?.close();
});

describe('getProductionServing', () => {
  it('reads production with its current deployment and the operation holding its lock', async () => {
    const project = await createProject(handle.db);
    const production = await createEnvironment(handle.db, project, { kind: 'production' });
    await createEnvironment(handle.db, project, { kind: 'staging' });
    const [older, serving] = await createDeployments(handle.db, production, [
      { state: 'ready' },
      { state: 'ready' },
    ]);
    await setCurrentDeployment(handle.db, production.id, serving!.id, new Date());
    const actor = await createUser(handle.db);
    await createOperation(handle.db, project, {
      kind: 'rollback',
      state: 'succeeded',
      environmentId: production.id,
    });

    const free = await getProductionServing(handle.db, project.id);
    expect(free.production?.id).toBe(production.id);
    expect(free.current?.id).toBe(serving!.id);
    expect(free.current?.id).not.toBe(older!.id);
    expect(free.holder).toBeUndefined();

    const running = await createOperation(handle.db, project, {
      kind: 'promote',
      state: 'running',
      step: 'aliasing',
      environmentId: production.id,
      actorId: actor.id,
    });
    expect((await getProductionServing(handle.db, project.id)).holder).toEqual({
      id: running.id,
      kind: 'promote',
      state: 'running',
      step: 'aliasing',
      actorLogin: actor.githubLogin,
      environmentName: production.name,
      requestedAt: running.requestedAt,
    });
  });

  it('is empty for a project without production, and production may serve nothing yet', async () => {
    const bare = await createProject(handle.db);
    expect(await getProductionServing(handle.db, bare.id)).toEqual({
      production: undefined,
      current: undefined,
      holder: undefined,
    });
    const production = await createEnvironment(handle.db, bare, { kind: 'production' });
    const fresh = await getProductionServing(handle.db, bare.id);
    expect(fresh.production?.id).toBe(production.id);
    expect(fresh.current).toBeUndefined();
  });
});
