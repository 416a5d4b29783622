import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullRequest } from '@/db/schema';
import { upsertPullRequest } from '@/db/writes';
import { deletePreview, provision, provisionAgain } from '@/lib/operations';
import { previewAvailability } from '@/lib/operations/availability';
import { previewProvisionJob, pullRequestsToProvision } from '@/lib/operations/provision-job';
import { runSync } from '@/lib/sync/run-sync';
import { createEnvironment } from '@/tests/support/factories';
import { createWorld, openPullRequest, type World } from './world';

/**
 * Deleting an open pull request's preview holds: the provisioning sync and a redelivered webhook
 * leave it deleted until the next push, or until a member asks for Provision again.
 */

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
afterAll(() => world.close());

const developer = () => world.actor(world.users.developer, 'developer');
const provisionSync = () => runSync(world.db, previewProvisionJob(world.clients, world.project.id));
let keys = 0;
const key = () => `again-${++keys}`;

async function previewOf(pullRequestId: number) {
  return (await world.db.query.environments.findFirst({
    where: (e, { eq }) => eq(e.pullRequestId, pullRequestId),
  }))!;
}

/** A preview the board knows of that envboard never provisioned (as in the demo's history). */
async function unprovisionedPreview(headBranch: string) {
  const pullRequest = await openPullRequest(world, headBranch);
  const environment = await createEnvironment(world.db, world.project, {
    slug: `pr-${pullRequest.number}`,
    name: `PR #${pullRequest.number}`,
    gitBranch: headBranch,
    pullRequestId: pullRequest.id,
    expiresAt: new Date(Date.now() + 5 * 86_400_000),
  });
  return { pullRequest, environment };
}

async function push(pullRequest: PullRequest): Promise<PullRequest> {
  const { id: _id, createdAt: _created, updatedAt: _updated, ...fields } = pullRequest;
  return (await upsertPullRequest(world.db, {
    ...fields,
    headSha: 'e'.repeat(40),
    providerUpdatedAt: new Date(pullRequest.providerUpdatedAt.getTime() + 60_000),
  }))!;
}

describe('a deleted preview of an open pull request', () => {
  it('stays deleted through the provisioning sync, and never keeps an expiry', async () => {
    const { pullRequest, environment } = await unprovisionedPreview('feature-kept-deleted');
    const deleted = await deletePreview(world.db, world.clients, developer(), {
      environmentId: environment.id,
    });
    expect(deleted).toMatchObject({ ok: true, operation: { state: 'succeeded' } });

    const due = await pullRequestsToProvision(world.db, world.project.id);
    expect(due.map((pr) => pr.id)).not.toContain(pullRequest.id);
    await provisionSync();
    expect(await previewOf(pullRequest.id)).toMatchObject({ status: 'deleted', expiresAt: null });

    // A redelivered pull_request webhook for the same head is answered, not obeyed.
    const redelivered = await provision(world.db, world.clients, { pullRequest });
    expect(redelivered).toMatchObject({ ok: false, code: 'preview_deleted' });
    expect(await previewOf(pullRequest.id)).toMatchObject({ status: 'deleted' });
  });

  it('is provisioned again on the next push', async () => {
    const { pullRequest, environment } = await unprovisionedPreview('feature-pushed-again');
    await deletePreview(world.db, world.clients, developer(), { environmentId: environment.id });
    const pushed = await push(pullRequest);
    expect(
      (await pullRequestsToProvision(world.db, world.project.id)).map((pr) => pr.id),
    ).toContain(pushed.id);
    await provisionSync();
    expect(await previewOf(pullRequest.id)).toMatchObject({ status: 'active' });
  });

  it('comes back at once with Provision again, recorded as the member’s operation', async () => {
    const { pullRequest, environment } = await unprovisionedPreview('feature-asked-again');
    await deletePreview(world.db, world.clients, developer(), { environmentId: environment.id });
    expect(
      (await previewAvailability(world.db, environment.id, developer())).provisionAgain,
    ).toEqual({ allowed: true });

    const viewer = world.actor(world.users.viewer, 'viewer');
    const refused = await provisionAgain(world.db, world.clients, viewer, {
      environmentId: environment.id,
      idempotencyKey: key(),
    });
    expect(refused).toMatchObject({ ok: false, code: 'forbidden' });

    const again = await provisionAgain(world.db, world.clients, developer(), {
      environmentId: environment.id,
      idempotencyKey: key(),
    });
    expect(again).toMatchObject({
      ok: true,
      operation: { kind: 'provision', state: 'succeeded', actorId: world.users.developer.id },
    });
    expect(await previewOf(pullRequest.id)).toMatchObject({ status: 'active' });
    const branch = [...world.neon.store.branches.values()].find(
      (b) => b.name === 'preview/feature-asked-again',
    );
    expect(branch).toBeDefined();
    // The sync counts the head as provisioned: no second provisioning of it.
    expect(
      (await pullRequestsToProvision(world.db, world.project.id)).map((pr) => pr.id),
    ).not.toContain(pullRequest.id);

    const live = await provisionAgain(world.db, world.clients, developer(), {
      environmentId: environment.id,
      idempotencyKey: key(),
    });
    expect(live).toMatchObject({ ok: false, code: 'invalid_input' });
  });

  it('of a closed pull request is not offered Provision again', async () => {
    const pullRequest = await openPullRequest(world, 'feature-closed-then-deleted');
    expect((await provision(world.db, world.clients, { pullRequest })).ok).toBe(true);
    const environment = await previewOf(pullRequest.id);
    const { id: _id, createdAt: _created, updatedAt: _updated, ...fields } = pullRequest;
    await upsertPullRequest(world.db, {
      ...fields,
      state: 'closed',
      closedAt: new Date(),
      providerUpdatedAt: new Date(pullRequest.providerUpdatedAt.getTime() + 60_000),
    });
    await deletePreview(world.db, world.clients, world.actor(world.users.admin, 'admin'), {
      environmentId: environment.id,
    });
    const offer = await previewAvailability(world.db, environment.id, developer());
    expect(offer.provisionAgain).toMatchObject({ allowed: false });
  });
});
