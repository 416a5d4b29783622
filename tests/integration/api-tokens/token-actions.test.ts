import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { listApiTokens } from '@/db/queries/api-tokens';
import { apiTokens, operations, type Project, type User } from '@/db/schema';
import { setMembership } from '@/db/writes';
import { hashApiToken } from '@/lib/auth/api-tokens';
import { createProject, createUser } from '@/tests/support/factories';
import { sessionCookie } from '@/tests/support/session';
import { createTestDatabase } from '@/tests/support/test-database';
import { request } from '../operations-actions/next-mocks';

vi.mock('next/headers', async () =>
  (await import('../operations-actions/next-mocks')).headersModule(),
);
vi.mock('next/cache', async () => (await import('../operations-actions/next-mocks')).cacheModule());

const { createApiTokenAction, revokeApiTokenAction } = await import('@/app/(board)/tokens/actions');

/**
 * The API tokens page's server actions with real session cookies on a real database: only an
 * admin creates and revokes, the token is returned once and stored as its hash, both audited.
 */

const processCache = globalThis as unknown as { envboardDatabase?: DatabaseHandle };
let handle: DatabaseHandle;
let project: Project;
const users = {} as Record<'admin' | 'release_manager' | 'viewer', User>;

beforeAll(async () => {
  delete process.env.ENVBOARD_PROJECT;
  handle = await createTestDatabase();
  processCache.envboardDatabase = handle;
  project = await createProject(handle.db);
  for (const role of ['admin', 'release_manager', 'viewer'] as const) {
    users[role] = await createUser(handle.db);
    await setMembership(handle.db, { userId: users[role].id, projectId: project.id, role });
  }
});

afterAll(async () => {
  processCache.envboardDatabase = undefined;
  await handle?.close();
});

async function signInAs(user: User | undefined) {
  request.cookie = user ? await sessionCookie(user) : undefined;
}

function createForm(fields: { name: string; scopes: string[]; expiry: string }) {
  const form = new FormData();
  form.set('name', fields.name);
  for (const scope of fields.scopes) form.append('scope', scope);
  form.set('expiry', fields.expiry);
  return form;
}

const revokeForm = (tokenId: number) => {
  const form = new FormData();
  form.set('tokenId', String(tokenId));
  return form;
};

describe('creating and revoking API tokens', () => {
  it('is refused to a viewer, a release manager and a signed-out caller; nothing is stored', async () => {
    const form = createForm({ name: 'sneaky', scopes: ['operate'], expiry: 'none' });
    for (const user of [users.viewer, users.release_manager]) {
      await signInAs(user);
      expect(await createApiTokenAction(null, form)).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    await signInAs(undefined);
    expect(await createApiTokenAction(null, form)).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
    expect(await listApiTokens(handle.db, project.id)).toEqual([]);
  });

  it('an admin creates one: shown once, stored as its hash, with scopes and expiry, audited', async () => {
    await signInAs(users.admin);
    const before = Date.now();
    const result = await createApiTokenAction(
      null,
      createForm({ name: 'ci-deploy', scopes: ['operate', 'read'], expiry: '30' }),
    );
    if (!result?.ok) throw new Error(`expected success: ${JSON.stringify(result)}`);
    const { token } = result.data;
    expect(token).toMatch(/^envb_api_/);
    const [stored] = await handle.db
      .select()
      .from(apiTokens)
      .where(eq(apiTokens.tokenHash, hashApiToken(token)));
    expect(stored).toMatchObject({
      name: 'ci-deploy',
      scopes: ['read', 'operate'],
      createdBy: users.admin.githubLogin,
      lastFour: token.slice(-4),
    });
    expect(stored!.expiresAt!.getTime() - before).toBeGreaterThanOrEqual(30 * 86_400_000 - 1000);
    expect(request.revalidated).toContain('/tokens');

    const invalid = await createApiTokenAction(
      null,
      createForm({ name: 'x', scopes: [], expiry: '7' }),
    );
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('only an admin revokes, once; the create and the revoke are in the audit log', async () => {
    const [token] = await listApiTokens(handle.db, project.id);
    await signInAs(users.viewer);
    expect(await revokeApiTokenAction(null, revokeForm(token!.id))).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    await signInAs(users.admin);
    expect(await revokeApiTokenAction(null, revokeForm(token!.id))).toMatchObject({
      ok: true,
      data: { name: 'ci-deploy' },
    });
    expect(await revokeApiTokenAction(null, revokeForm(token!.id))).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const audited = await handle.db
      .select()
      .from(operations)
      .where(eq(operations.kind, 'api_token'))
      .orderBy(operations.id);
    expect(audited.map((row) => [row.actorId, row.state, row.reason])).toEqual([
      [users.admin.id, 'succeeded', 'Created API token ci-deploy (read, operate)'],
      [users.admin.id, 'succeeded', 'Revoked API token ci-deploy'],
    ]);
    expect(JSON.stringify(audited)).not.toContain('envb_api_');
  });
});
