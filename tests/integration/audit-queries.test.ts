import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { listOperations } from '@/db/queries/audit';
import { listProjectMembers } from '@/db/queries/filter-options';
import type { Project } from '@/db/schema';
import { setMembership } from '@/db/writes';
import { decodeCursor } from '@/lib/paging';
import {
  at,
  createEnvironment,
  createOperation,
  createProject,
  createUser,
} from '../support/factories';
import { createTestDatabase } from '../support/test-database';

let handle: DatabaseHandle;
let project: Project;

beforeAll(async () => {
  handle = await createTestDatabase();
  const { db } = handle;
  project = await createProject(db);
  const alice = await createUser(db, { githubLogin: 'alice', name: 'Alice Liddell' });
  const bob = await createUser(db, { githubLogin: 'bob', name: 'Bob Builder' });
  await setMembership(db, { userId: alice.id, projectId: project.id, role: 'release_manager' });
  await setMembership(db, { userId: bob.id, projectId: project.id, role: 'developer' });
  const production = await createEnvironment(db, project, {
    kind: 'production',
    slug: 'production',
    name: 'Production',
  });
  const preview = await createEnvironment(db, project, { slug: 'pr-7', name: 'PR #7' });
  await createOperation(db, project, {
    kind: 'promote',
    state: 'succeeded',
    actorId: alice.id,
    environmentId: production.id,
    requestedAt: at(10),
    before: { deploymentId: 1 },
    after: { deploymentId: 2 },
  });
  await createOperation(db, project, {
    kind: 'rollback',
    state: 'failed',
    actorId: alice.id,
    environmentId: production.id,
    requestedAt: at(20),
    error: 'Vercel refused the rollback',
  });
  await createOperation(db, project, {
    kind: 'reseed',
    state: 'succeeded',
    actorId: bob.id,
    environmentId: preview.id,
    requestedAt: at(30),
  });
  await createOperation(db, project, { kind: 'cleanup', state: 'succeeded', requestedAt: at(40) });
  const other = await createProject(db);
  await createOperation(db, other, { kind: 'delete', requestedAt: at(50) });
});

afterAll(async () => {
  await handle?.close();
});

const list = (filters: Parameters<typeof listOperations>[2], limit = 50, cursor?: string | null) =>
  listOperations(handle.db, project.id, filters, { limit, cursor: decodeCursor(cursor) });

describe('listOperations', () => {
  test('lists the project newest first with actor and environment names', async () => {
    const { rows } = await list({});
    expect(rows.map((row) => [row.kind, row.actorLogin, row.environmentName])).toEqual([
      ['cleanup', null, null],
      ['reseed', 'bob', 'PR #7'],
      ['rollback', 'alice', 'Production'],
      ['promote', 'alice', 'Production'],
    ]);
    expect(rows[3]).toMatchObject({
      actorName: 'Alice Liddell',
      before: { deploymentId: 1 },
      after: { deploymentId: 2 },
    });
    expect(rows[2]!.error).toBe('Vercel refused the rollback');
  });

  test('filters by actor, action, environment and outcome', async () => {
    const kinds = async (filters: Parameters<typeof listOperations>[2]) =>
      (await list(filters)).rows.map((row) => row.kind);
    expect(await kinds({ actor: 'alice' })).toEqual(['rollback', 'promote']);
    expect(await kinds({ action: 'reseed' })).toEqual(['reseed']);
    expect(await kinds({ environment: 'production' })).toEqual(['rollback', 'promote']);
    expect(await kinds({ outcome: 'failed' })).toEqual(['rollback']);
    expect(await kinds({ actor: 'alice', outcome: 'succeeded' })).toEqual(['promote']);
    expect(await kinds({ actor: 'nobody' })).toEqual([]);
  });

  test('pages with a cursor', async () => {
    const first = await list({}, 3);
    const second = await list({}, 3, first.nextCursor);
    expect(first.rows).toHaveLength(3);
    expect(second.rows.map((row) => row.kind)).toEqual(['promote']);
    expect(second.nextCursor).toBeNull();
  });
});

test('the actor filter offers the project members by name', async () => {
  expect(await listProjectMembers(handle.db, project.id)).toEqual([
    { login: 'alice', name: 'Alice Liddell' },
    { login: 'bob', name: 'Bob Builder' },
  ]);
});

test('the actor filter matches every user holding the login (one renamed away), not an error', async () => {
  const { db } = handle;
  const renamedAway = await createUser(db, { githubLogin: 'carol' });
  const newHolder = await createUser(db, { githubLogin: 'carol' });
  await createOperation(db, project, {
    kind: 'reseed',
    actorId: renamedAway.id,
    requestedAt: at(60),
  });
  await createOperation(db, project, {
    kind: 'delete',
    actorId: newHolder.id,
    requestedAt: at(70),
  });
  const { rows } = await list({ actor: 'carol' });
  expect(rows.map((row) => row.kind)).toEqual(['delete', 'reseed']);
});
