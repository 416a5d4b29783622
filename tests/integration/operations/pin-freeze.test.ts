import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { environments, operations } from '@/db/schema';
import { insertOperation } from '@/db/writes/operations';
import { cleanup, requestPromotion } from '@/lib/operations';
import { clearFreeze, freezeProduction } from '@/lib/operations/freeze';
import { pinPreview, unpinPreview } from '@/lib/operations/pin';
import { provisionedPreview, SETTINGS, syncPullRequests } from './cleanup-support';
import { createWorld, openPullRequest, stagingRelease, type World } from './world';

let world: World;
beforeEach(async () => {
  world = await createWorld();
});
afterEach(() => world.close());

const DAY = 86_400_000;
const LIMITS = { maxDays: 30, now: new Date() };
const inDays = (days: number) => new Date(LIMITS.now.getTime() + days * DAY);
const developer = () => world.actor(world.users.developer, 'developer');
const releaseManager = () => world.actor(world.users.release_manager, 'release_manager');
const environmentRow = async (id: number) =>
  (await world.db.select().from(environments).where(eq(environments.id, id)))[0]!;
const auditOf = (kind: 'pin' | 'freeze') =>
  world.db.select().from(operations).where(eq(operations.kind, kind)).orderBy(operations.id);

describe('pin', () => {
  it('a developer pins their own preview until a date, audited with who, why and until', async () => {
    const { environment } = await provisionedPreview(world, 'feature-demo');
    const result = await pinPreview(
      world.db,
      developer(),
      { environmentId: environment.id, until: inDays(10), reason: 'client demo' },
      LIMITS,
    );
    expect(result.ok).toBe(true);
    const row = await environmentRow(environment.id);
    expect(row).toMatchObject({
      pinned: true,
      pinnedUntil: inDays(10),
      pinReason: 'client demo',
      pinnedBy: world.users.developer.githubLogin,
      expiresAt: inDays(10),
    });
    const [audit] = await auditOf('pin');
    expect(audit).toMatchObject({
      state: 'succeeded',
      environmentId: environment.id,
      actorId: world.users.developer.id,
      reason: 'client demo',
      before: { pinned: false },
      after: { pinned: true, pinnedUntil: inDays(10).toISOString(), pinReason: 'client demo' },
    });

    const unpinned = await unpinPreview(
      world.db,
      developer(),
      { environmentId: environment.id },
      new Date(),
    );
    expect(unpinned.ok).toBe(true);
    expect(await environmentRow(environment.id)).toMatchObject({
      pinned: false,
      pinnedUntil: null,
      pinReason: null,
    });
    expect((await environmentRow(environment.id)).expiresAt!.getTime()).toBeLessThan(
      inDays(10).getTime(),
    );
    expect(await auditOf('pin')).toHaveLength(2);
  });

  it("refuses a developer on someone else's preview, and a viewer; a release manager may", async () => {
    const pr = await openPullRequest(world, 'feature-other', 'someone-else');
    const { environment } = await provisionedPreview(world, 'feature-mine');
    const other = await provisionedPreviewFor(pr.id);
    const ask = (actor = developer(), environmentId = other) =>
      pinPreview(world.db, actor, { environmentId, until: inDays(3), reason: 'qa' }, LIMITS);

    const notOwner = await ask();
    expect(notOwner).toMatchObject({ ok: false, code: 'forbidden' });
    expect(!notOwner.ok && notOwner.message).toContain('the author of PR');
    const viewer = await ask(world.actor(world.users.viewer, 'viewer'), environment.id);
    expect(viewer).toMatchObject({ ok: false, code: 'forbidden' });
    expect((await ask(releaseManager())).ok).toBe(true);
    expect((await environmentRow(environment.id)).pinned).toBe(false);
  });

  it('refuses more than PREVIEW_MAX_PIN_DAYS, a blank reason, and an operation in progress', async () => {
    const { environment } = await provisionedPreview(world, 'feature-long');
    const tooLong = await pinPreview(
      world.db,
      developer(),
      { environmentId: environment.id, until: inDays(31), reason: ' ' },
      LIMITS,
    );
    expect(tooLong).toMatchObject({
      ok: false,
      code: 'invalid_input',
      message: 'A preview may be pinned for at most 30 days. Say why it stays up.',
    });
    await insertOperation(world.db, {
      projectId: world.project.id,
      environmentId: environment.id,
      kind: 'reseed',
      state: 'running',
      idempotencyKey: 'reseed-in-flight',
      actorId: world.users.admin.id,
    });
    const locked = await pinPreview(
      world.db,
      developer(),
      { environmentId: environment.id, until: inDays(2), reason: 'demo' },
      LIMITS,
    );
    expect(locked).toMatchObject({ ok: false, code: 'operation_in_progress' });
    expect(!locked.ok && locked.message).toMatch(/already in progress on .*a reseed by/);
    expect(await auditOf('pin')).toHaveLength(0);
  });

  it('the cleanup keeps an idle pinned preview until its pin lapses, then deletes it', async () => {
    const { environment } = await provisionedPreview(world, 'feature-pinned');
    await pinPreview(
      world.db,
      developer(),
      { environmentId: environment.id, until: inDays(2), reason: 'demo' },
      LIMITS,
    );
    await world.db
      .update(environments)
      .set({ lastActivityAt: new Date(Date.now() - 20 * DAY) })
      .where(eq(environments.id, environment.id));

    const swept = async (at: Date) => {
      await syncPullRequests(world, at);
      const report = await cleanup(world.db, world.clients, at, SETTINGS);
      expect(report.refusal).toBeNull();
      return report.previews.map((preview) => preview.environmentId);
    };
    expect(await swept(inDays(1))).not.toContain(environment.id);
    expect((await environmentRow(environment.id)).status).toBe('active');
    expect(await swept(inDays(3))).toContain(environment.id);
    expect((await environmentRow(environment.id)).status).toBe('deleted');
  });
});

async function provisionedPreviewFor(pullRequestId: number): Promise<number> {
  const { provision } = await import('@/lib/operations');
  const pr = (await world.db.query.pullRequests.findFirst({
    where: (p, { eq: is }) => is(p.id, pullRequestId),
  }))!;
  const result = await provision(world.db, world.clients, { pullRequest: pr });
  if (!result.ok) throw new Error(result.message);
  return result.operation.environmentId!;
}

describe('freeze', () => {
  it('a release manager freezes production: promotions are refused, and allowed again once cleared', async () => {
    const release = await stagingRelease(world);
    const now = new Date();
    const frozen = await freezeProduction(
      world.db,
      releaseManager(),
      { from: now, until: new Date(now.getTime() + DAY), reason: 'release week' },
      now,
    );
    expect(frozen.ok).toBe(true);
    expect(await environmentRow(world.production.id)).toMatchObject({
      frozenFrom: now,
      freezeReason: 'release week',
      frozenBy: world.users.release_manager.githubLogin,
    });
    const refused = await requestPromotion(world.db, world.clients, releaseManager(), {
      deploymentId: release.id,
      reason: 'ship it',
      idempotencyKey: 'promote-frozen',
    });
    expect(refused).toMatchObject({ ok: false, code: 'preconditions_failed' });
    expect(!refused.ok && refused.message).toContain(
      `by @${world.users.release_manager.githubLogin}: release week`,
    );

    expect((await clearFreeze(world.db, releaseManager(), new Date())).ok).toBe(true);
    expect(await environmentRow(world.production.id)).toMatchObject({
      frozenFrom: null,
      frozenUntil: null,
    });
    const audit = await auditOf('freeze');
    expect(audit.map((entry) => entry.after)).toEqual([
      expect.objectContaining({ frozen: true, freezeReason: 'release week' }),
      { frozen: false },
    ]);
  });

  it('a future window does not block yet', async () => {
    const release = await stagingRelease(world);
    const now = new Date();
    await freezeProduction(
      world.db,
      releaseManager(),
      {
        from: new Date(now.getTime() + DAY),
        until: new Date(now.getTime() + 2 * DAY),
        reason: 'holidays',
      },
      now,
    );
    const promoted = await requestPromotion(world.db, world.clients, releaseManager(), {
      deploymentId: release.id,
      reason: 'before the holidays',
      idempotencyKey: 'promote-before-freeze',
    });
    expect(promoted.ok).toBe(true);
  });

  it('refuses a developer, and a window that ends before it starts, changing nothing', async () => {
    const now = new Date();
    const window = { from: now, until: new Date(now.getTime() + DAY), reason: 'x' };
    const byDeveloper = await freezeProduction(world.db, developer(), window, now);
    expect(byDeveloper).toMatchObject({ ok: false, code: 'forbidden' });
    const backwards = await freezeProduction(
      world.db,
      releaseManager(),
      { ...window, until: new Date(now.getTime() - DAY) },
      now,
    );
    expect(backwards).toMatchObject({
      ok: false,
      code: 'invalid_input',
      message: 'The freeze must end after it starts.',
    });
    expect((await clearFreeze(world.db, developer(), now)).ok).toBe(false);
    expect((await environmentRow(world.production.id)).frozenUntil).toBeNull();
    expect(await auditOf('freeze')).toHaveLength(0);
  });
});
