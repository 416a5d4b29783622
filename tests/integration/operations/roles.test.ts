import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, DatabaseHandle } from '@/db/client';
import { operations } from '@/db/schema';
import {
  approve,
  type OperationClients,
  type OperationResult,
  reject,
  deletePreview,
  requestPromotion,
  reseed,
  rollback,
} from '@/lib/operations';
import type { Actor } from '@/lib/domain/actor';
import type { Role } from '@/lib/domain/roles';
import { createTestDatabase } from '@/tests/support/test-database';

/**
 * The role rules as the operations enforce them themselves, whatever the caller checked: each
 * action against ids that do not exist, so an allowed role gets past the role check to
 * `not_found` and a refused one stops at `forbidden` before anything is read or written.
 */

let handle: DatabaseHandle;
let db: Database;
beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});
afterAll(() => handle.close());

// No provider is reached: a call would fail the test loudly.
const unreachable = new Proxy(
  {},
  {
    get: (_target, name) => {
      throw new Error(`a provider was called (${String(name)})`);
    },
  },
);
const clients = {
  github: unreachable,
  vercel: unreachable,
  neon: unreachable,
} as unknown as OperationClients;

const MISSING = 424_242;
const actorAs = (role: Role): Actor => ({
  userId: 1,
  githubId: null,
  login: 'someone',
  name: 'Someone',
  avatarUrl: null,
  role,
  projectId: 1,
});
const actions: Record<string, (role: Role) => Promise<OperationResult>> = {
  promote: (role) =>
    requestPromotion(db, clients, actorAs(role), {
      deploymentId: MISSING,
      reason: 'release',
      idempotencyKey: `roles-${role}`,
    }),
  approve: (role) => approve(db, clients, actorAs(role), { operationId: MISSING, reason: 'ok' }),
  reject: (role) => reject(db, clients, actorAs(role), { operationId: MISSING, reason: 'no' }),
  rollback: (role) =>
    rollback(db, clients, actorAs(role), { targetDeploymentId: MISSING, reason: 'bad' }),
  reseed: (role) => reseed(db, clients, actorAs(role), { environmentId: MISSING }),
  delete: (role) => deletePreview(db, clients, actorAs(role), { environmentId: MISSING }),
};

const allowed: Record<string, Role[]> = {
  promote: ['release_manager', 'admin'],
  approve: ['release_manager', 'admin'],
  reject: ['release_manager', 'admin'],
  rollback: ['release_manager', 'admin'],
  reseed: ['developer', 'release_manager', 'admin'],
  delete: ['developer', 'release_manager', 'admin'],
};
const ROLES: Role[] = ['viewer', 'developer', 'release_manager', 'admin'];

describe('role × action', () => {
  const cases = Object.keys(actions).flatMap((action) =>
    ROLES.map((role) => ({ action, role, may: allowed[action]!.includes(role) })),
  );
  it.each(cases)('$role may $action: $may', async ({ action, role, may }) => {
    const result = await actions[action]!(role);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    if (may) expect(result.code).toBe('not_found');
    else {
      expect(result.code).toBe('forbidden');
      expect(result.message).toMatch(/^Only (a developer|a release manager) or above may /);
    }
  });

  it('a refused request leaves no operation behind', async () => {
    expect(await db.select().from(operations)).toEqual([]);
  });
});
