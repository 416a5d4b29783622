import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getOperation } from '@/db/queries/operation-records';
import type { Deployment, Environment, Operation } from '@/db/schema';
import { setCurrentDeployment, setMembership, upsertDbBranch } from '@/db/writes';
import {
  approve,
  reject,
  deletePreview,
  requestPromotion,
  reseed,
  rollback,
} from '@/lib/operations';
import {
  createDeployments,
  createEnvironment,
  createOperation,
  createProject,
  createUser,
  HOUR,
} from '@/tests/support/factories';
import { createWorld, type World } from './world';

/**
 * Two projects in one database: project A is the world, wired to the sandboxes; project B has
 * its own production, staging, a preview with a database branch, and a promotion waiting for
 * approval. An actor of project A — an admin, so no role stands in the way — names B's targets
 * by id: every operation refuses them as not found and leaves them as they were.
 */

let world: World;
let other: {
  staging: Deployment;
  earlierProduction: Deployment;
  preview: Environment;
  waiting: Operation;
};
beforeAll(async () => {
  world = await createWorld({ prefix: 'scope' });
  const db = world.db;
  const project = await createProject(db, { slug: 'other-project', githubRepo: 'other' });
  const production = await createEnvironment(db, project, { kind: 'production', slug: 'prod-b' });
  const staging = await createEnvironment(db, project, { kind: 'staging', slug: 'staging-b' });
  const [earlier, current] = await createDeployments(db, production, [
    { providerCreatedAt: new Date(Date.now() - 2 * HOUR) },
    { providerCreatedAt: new Date(Date.now() - HOUR) },
  ]);
  await setCurrentDeployment(db, production.id, current!.id, new Date());
  const [stagingDeployment] = await createDeployments(db, staging, [{}]);
  const branch = world.neon.store.createBranch({ name: 'preview/other', compute: true }).branch;
  const dbBranch = await upsertDbBranch(db, {
    projectId: project.id,
    neonBranchId: branch.id,
    name: branch.name,
    state: 'ready',
    providerCreatedAt: new Date(branch.createdAt),
    providerUpdatedAt: new Date(branch.createdAt),
  });
  const preview = await createEnvironment(db, project, { dbBranchId: dbBranch!.id });
  const requester = await createUser(db);
  await setMembership(db, { userId: requester.id, projectId: project.id, role: 'release_manager' });
  const waiting = await createOperation(db, project, {
    environmentId: production.id,
    state: 'requested',
    actorId: requester.id,
    requestedAt: new Date(),
    before: { deploymentId: stagingDeployment!.id },
  });
  other = { staging: stagingDeployment!, earlierProduction: earlier!, preview, waiting };
});
afterAll(() => world.close());

const admin = () => world.actor(world.users.admin, 'admin');
const notFound = { ok: false, code: 'not_found' };

async function operationsOn(environmentId: number) {
  return world.db.query.operations.findMany({
    where: (o, { eq }) => eq(o.environmentId, environmentId),
  });
}

describe("an actor of one project and another project's targets", () => {
  it("cannot promote another project's deployment", async () => {
    const result = await requestPromotion(world.db, world.clients, admin(), {
      deploymentId: other.staging.id,
      reason: 'not mine',
      idempotencyKey: 'scope-promote',
    });
    expect(result).toMatchObject({
      ...notFound,
      message: 'That deployment does not exist.',
    });
  });

  it("cannot roll another project's production back", async () => {
    const result = await rollback(world.db, world.clients, admin(), {
      targetDeploymentId: other.earlierProduction.id,
      reason: 'not mine',
    });
    expect(result).toMatchObject(notFound);
  });

  it("cannot reseed or delete another project's preview", async () => {
    const reseeded = await reseed(world.db, world.clients, admin(), {
      environmentId: other.preview.id,
    });
    const deleted = await deletePreview(world.db, world.clients, admin(), {
      environmentId: other.preview.id,
    });
    expect(reseeded).toMatchObject({
      ...notFound,
      message: 'That environment does not exist.',
    });
    expect(deleted).toMatchObject(notFound);
    expect(await operationsOn(other.preview.id)).toEqual([]);
    const preview = await world.db.query.environments.findFirst({
      where: (e, { eq }) => eq(e.id, other.preview.id),
    });
    expect(preview?.status).toBe('active');
  });

  it("cannot approve or reject another project's promotion request", async () => {
    const approved = await approve(world.db, world.clients, admin(), {
      operationId: other.waiting.id,
      reason: 'looks fine',
    });
    const rejected = await reject(world.db, world.clients, admin(), {
      operationId: other.waiting.id,
      reason: 'no',
    });
    expect(approved).toMatchObject({
      ...notFound,
      message: 'That promotion request does not exist.',
    });
    expect(rejected).toMatchObject(notFound);
    expect(await getOperation(world.db, other.waiting.id)).toMatchObject({
      state: 'requested',
      approvals: [],
    });
  });

  it("cannot pick up another project's operation by its request key", async () => {
    const result = await requestPromotion(world.db, world.clients, admin(), {
      deploymentId: other.staging.id,
      reason: 'replay',
      idempotencyKey: other.waiting.idempotencyKey,
    });
    expect(result).toMatchObject({ ok: false, code: 'idempotency_key_reused' });
    expect(result).not.toHaveProperty('operation');
  });
});
