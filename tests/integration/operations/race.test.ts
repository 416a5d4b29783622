import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations } from '@/db/schema';
import { requestPromotion } from '@/lib/operations';
import { eq } from 'drizzle-orm';
import { createWorld, stagingRelease, type World } from './world';

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
afterAll(() => world.close());

const REQUESTS = 50;

describe('one operation per environment, decided by the database', () => {
  it('50 parallel promote requests on production: exactly one runs, 49 are refused clearly', async () => {
    const release = await stagingRelease(world);
    // The winner waits before its first step until every other request has its answer, so
    // all 50 really contend for production's lock while it is held.
    let answered = 0;
    let release49!: () => void;
    const othersAnswered = new Promise<void>((resolve) => (release49 = resolve));
    const clients = {
      ...world.clients,
      hooks: { beforeStep: () => othersAnswered },
    };
    const actor = world.actor(world.users.release_manager, 'release_manager');
    const results = await Promise.all(
      Array.from({ length: REQUESTS }, (_, index) =>
        requestPromotion(world.db, clients, actor, {
          deploymentId: release.id,
          reason: 'release',
          idempotencyKey: `race-${index}`,
        }).then((result) => {
          if (++answered === REQUESTS - 1) release49();
          return result;
        }),
      ),
    );

    const succeeded = results.filter((result) => result.ok);
    const refused = results.filter((result) => !result.ok);
    expect(succeeded).toHaveLength(1);
    const winner = succeeded[0]!.ok ? succeeded[0]!.operation : undefined;
    expect(winner?.state).toBe('succeeded');
    expect(refused).toHaveLength(REQUESTS - 1);
    const login = world.users.release_manager.githubLogin;
    for (const result of refused) {
      expect(result).toMatchObject({ ok: false, code: 'operation_in_progress' });
      expect(!result.ok && result.message).toBe(
        `An operation is already in progress on Production: a promotion by @${login} is running.`,
      );
    }
    const rows = await world.db
      .select()
      .from(operations)
      .where(eq(operations.environmentId, world.production.id));
    expect(rows).toHaveLength(1);
    expect(world.vercel.store.project('prj_shop').productionId).toBe(release.vercelId);
  });
});
