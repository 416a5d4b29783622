import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listDeployments } from '@/db/queries/deployments';
import { environments, type Deployment } from '@/db/schema';
import { upsertCiRuns, upsertDbBranch } from '@/db/writes';
import { requestPromotion } from '@/lib/operations';
import type { DeploymentAvailability } from '@/lib/domain/availability';
import {
  deploymentRowsAvailability,
  previewAvailabilities,
  previewAvailability,
  promotionAvailability,
  rollbackAvailability,
} from '@/lib/operations/availability';
import {
  createDeployments,
  createEnvironment,
  createOperation,
  createTestRun,
  makeCases,
} from '@/tests/support/factories';
import { createWorld, stagingRelease, type World } from '../operations/world';

/**
 * A page of deployments is judged all at once; each row must say exactly what the
 * single-deployment gate and rollback checks say for that deployment, whatever the mix of
 * outcomes on the page and whatever holds production.
 */

let world: World;
const MINUTE = 60_000;
let runIds = 950_000;

/** A CI run of the `ci` workflow on a commit, finished with `conclusion` at `at`. */
async function ciRun(commitSha: string, conclusion: 'success' | 'failure', at: Date) {
  await upsertCiRuns(world.db, [
    {
      projectId: world.project.id,
      githubRunId: runIds++,
      workflowName: 'ci',
      event: 'push',
      headBranch: 'staging',
      headSha: commitSha,
      status: 'completed',
      conclusion,
      providerCreatedAt: at,
      providerUpdatedAt: at,
    },
  ]);
}

async function e2eReport(commitSha: string, outcome: 'passed' | 'failed', at: Date) {
  await createTestRun(
    world.db,
    world.project,
    { suite: 'e2e', commitSha, branch: 'staging', startedAt: at },
    makeCases(2, outcome === 'failed' ? { 0: 'failed' } : {}),
  );
}

const rows: Record<string, Deployment> = {};

beforeAll(async () => {
  world = await createWorld({ requireApproval: true });
  const earlier = new Date(Date.now() - 10 * MINUTE);
  const later = new Date();

  rows.green = await stagingRelease(world);
  rows.ciFailed = await stagingRelease(world, { checks: { ci: 'failure', e2e: 'passed' } });
  rows.e2eMissing = await stagingRelease(world, { checks: { ci: 'success', e2e: 'none' } });
  rows.ciPending = await stagingRelease(world, { checks: { ci: 'in_progress', e2e: 'passed' } });
  rows.building = await stagingRelease(world, { readyState: 'BUILDING' });

  // The newest run decides: green then red is red, red then green (and a passing report after
  // a failing one) is green.
  rows.newestRed = await stagingRelease(world, { checks: { ci: 'none', e2e: 'passed' } });
  await ciRun(rows.newestRed.commitSha, 'success', earlier);
  await ciRun(rows.newestRed.commitSha, 'failure', later);
  rows.newestGreen = await stagingRelease(world, { checks: { ci: 'none', e2e: 'none' } });
  await ciRun(rows.newestGreen.commitSha, 'failure', earlier);
  await ciRun(rows.newestGreen.commitSha, 'success', later);
  await e2eReport(rows.newestGreen.commitSha, 'failed', earlier);
  await e2eReport(rows.newestGreen.commitSha, 'passed', later);

  // The green commit built again on staging environments the gate refuses for their database.
  const unvalidated = (await upsertDbBranch(world.db, {
    projectId: world.project.id,
    neonBranchId: 'br-staging-eu',
    name: 'staging-eu',
    state: 'ready',
    migrationsValidatedAt: null,
    providerCreatedAt: earlier,
    providerUpdatedAt: earlier,
  }))!;
  const stagingEu = await createEnvironment(world.db, world.project, {
    kind: 'staging',
    slug: 'staging-eu',
    name: 'Staging EU',
    dbBranchId: unvalidated.id,
  });
  const stagingNoDb = await createEnvironment(world.db, world.project, {
    kind: 'staging',
    slug: 'staging-no-db',
    name: 'Staging without database',
    dbBranchId: null,
  });
  const [unvalidatedBuild] = await createDeployments(world.db, stagingEu, [
    { commitSha: rows.green.commitSha, providerCreatedAt: later },
  ]);
  const [noDbBranchBuild] = await createDeployments(world.db, stagingNoDb, [
    { commitSha: rows.green.commitSha, providerCreatedAt: later },
  ]);
  rows.unvalidated = unvalidatedBuild!;
  rows.noDbBranch = noDbBranchBuild!;

  // Production deployments around the one it serves (created a minute ago by the world).
  const [earlierProduction, laterProduction, failedProduction] = await createDeployments(
    world.db,
    world.production,
    [
      { providerCreatedAt: new Date(Date.now() - 60 * MINUTE) },
      { providerCreatedAt: later },
      { providerCreatedAt: new Date(Date.now() - 30 * MINUTE), state: 'error' },
    ],
  );
  rows.earlierProduction = earlierProduction!;
  rows.laterProduction = laterProduction!;
  rows.failedProduction = failedProduction!;
});
afterAll(() => world.close());

/** The page's offers, each checked against what the single-deployment functions say. */
async function pageAgreesWithSingle(now: Date): Promise<Map<number, DeploymentAvailability>> {
  const page = await listDeployments(world.db, world.project.id, {}, { limit: 50 });
  expect(page.rows.length).toBe(14);
  const { offers, servedId } = await deploymentRowsAvailability(
    world.db,
    world.project.id,
    page.rows,
    now,
  );
  expect(servedId).toBe(world.production.currentDeploymentId);
  for (const row of page.rows) {
    if (row.state !== 'ready' || row.id === servedId) {
      expect(offers.has(row.id)).toBe(false);
    } else if (row.environmentKind === 'staging') {
      expect(offers.get(row.id)).toEqual({
        promote: await promotionAvailability(world.db, row.id, now),
      });
    } else {
      expect(offers.get(row.id)).toEqual({
        rollback: await rollbackAvailability(world.db, row.id),
      });
    }
  }
  return offers;
}

const promote = (offers: Map<number, DeploymentAvailability>, name: string) =>
  offers.get(rows[name]!.id)?.promote;
const rollbackTo = (offers: Map<number, DeploymentAvailability>, name: string) =>
  offers.get(rows[name]!.id)?.rollback;
const refusedFor = (reason: string | RegExp) => ({
  allowed: false,
  reason: typeof reason === 'string' ? reason : expect.stringMatching(reason),
});
/** Held by another operation: the full reason, and the short tooltip the button carries. */
const heldFor = (reason: RegExp, brief: string) => ({ ...refusedFor(reason), brief });

describe('availability of a page of deployments', () => {
  it('gives each row what the single-deployment gate gives it, green or not', async () => {
    const offers = await pageAgreesWithSingle(new Date());
    expect(promote(offers, 'green')).toEqual({ allowed: true });
    expect(promote(offers, 'newestGreen')).toEqual({ allowed: true });
    const short = (name: string) => rows[name]!.commitSha.slice(0, 7);
    expect(promote(offers, 'ciFailed')).toEqual(
      refusedFor(`required check "ci" failed on ${short('ciFailed')}`),
    );
    expect(promote(offers, 'newestRed')).toEqual(
      refusedFor(`required check "ci" failed on ${short('newestRed')}`),
    );
    expect(promote(offers, 'e2eMissing')).toEqual(
      refusedFor(`required check "e2e" has not run on ${short('e2eMissing')}`),
    );
    expect(promote(offers, 'ciPending')).toEqual(
      refusedFor(`required check "ci" has not finished on ${short('ciPending')}`),
    );
    expect(offers.has(rows.building!.id)).toBe(false);
    expect(promote(offers, 'unvalidated')).toEqual(
      refusedFor('migrations are not validated on database branch staging-eu'),
    );
    expect(promote(offers, 'noDbBranch')).toEqual(
      refusedFor('Staging without database has no database branch whose migrations were validated'),
    );
    expect(rollbackTo(offers, 'earlierProduction')).toEqual({ allowed: true });
    expect(rollbackTo(offers, 'laterProduction')).toEqual(refusedFor(/is not earlier than/));
    expect(offers.has(rows.failedProduction!.id)).toBe(false);
  });

  it('refuses every promotion while production is frozen, and still offers the rollback', async () => {
    const until = new Date(Date.now() + 3_600_000);
    await world.db
      .update(environments)
      .set({ frozenUntil: until })
      .where(eq(environments.id, world.production.id));
    try {
      const offers = await pageAgreesWithSingle(new Date());
      const frozen = `Production is frozen until ${until.toISOString()}`;
      expect(promote(offers, 'green')).toEqual(refusedFor(frozen));
      expect(promote(offers, 'ciFailed')).toEqual(
        refusedFor(new RegExp(`failed on .+; ${frozen}$`)),
      );
      expect(rollbackTo(offers, 'earlierProduction')).toEqual({ allowed: true });
    } finally {
      await world.db
        .update(environments)
        .set({ frozenUntil: null })
        .where(eq(environments.id, world.production.id));
    }
  });

  it("names the operation holding production's lock on every button it blocks", async () => {
    const requested = await requestPromotion(
      world.db,
      world.clients,
      world.actor(world.users.release_manager, 'release_manager'),
      { deploymentId: rows.green!.id, reason: 'release', idempotencyKey: 'page-lock' },
    );
    expect(requested.ok).toBe(true);
    const offers = await pageAgreesWithSingle(new Date());
    const held = heldFor(
      /^a promotion by @.+ is waiting for approval on Production$/,
      'Promotion in progress',
    );
    expect(promote(offers, 'green')).toEqual(held);
    expect(promote(offers, 'newestGreen')).toEqual(held);
    expect(rollbackTo(offers, 'earlierProduction')).toEqual(held);
    // A build the gate refuses says why the gate refuses it, not who holds the lock.
    expect(promote(offers, 'ciFailed')).toEqual(refusedFor(/^required check "ci" failed/));
  });
});

describe('availability of a page of previews', () => {
  it('gives each preview what the single-preview check gives it', async () => {
    const branch = (await upsertDbBranch(world.db, {
      projectId: world.project.id,
      neonBranchId: 'br-preview-page',
      name: 'preview/page',
      state: 'ready',
      providerCreatedAt: new Date(),
      providerUpdatedAt: new Date(),
    }))!;
    const live = await createEnvironment(world.db, world.project, { dbBranchId: branch.id });
    const withoutBranch = await createEnvironment(world.db, world.project, { dbBranchId: null });
    const deleted = await createEnvironment(world.db, world.project, { status: 'deleted' });
    const busy = await createEnvironment(world.db, world.project, { dbBranchId: branch.id });
    await createOperation(world.db, world.project, {
      kind: 'reseed',
      state: 'running',
      environmentId: busy.id,
    });
    const ids = [live.id, withoutBranch.id, deleted.id, busy.id, world.production.id, 987_654];

    const admin = world.actor(world.users.admin, 'admin');
    const offers = await previewAvailabilities(world.db, ids, admin);
    expect([...offers.keys()]).toEqual(ids);
    for (const id of ids) {
      expect(offers.get(id)).toEqual(await previewAvailability(world.db, id, admin));
    }
    expect(offers.get(live.id)).toEqual({
      reseed: { allowed: true },
      delete: { allowed: true },
      pin: { allowed: true },
    });
    expect(offers.get(withoutBranch.id)).toEqual({
      reseed: refusedFor(`${withoutBranch.name} has no database branch to reset`),
      delete: { allowed: true },
      pin: { allowed: true },
    });
    expect(offers.get(busy.id)?.delete).toEqual(
      heldFor(/^a reseed by envboard is running on /, 'Reseed in progress'),
    );
    expect(offers.get(987_654)?.delete).toEqual(refusedFor('That environment does not exist.'));
  });
});
