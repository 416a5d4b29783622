import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import type { Project } from '@/db/schema';
import { createProject, createUser } from '../../support/factories';
import { sessionCookie, signedInMember } from '../../support/session';
import { createTestDatabase } from '../../support/test-database';
import { request } from '../operations-actions/next-mocks';

vi.mock('next/headers', async () =>
  (await import('../operations-actions/next-mocks')).headersModule(),
);

const { default: DeliveriesPage } = await import('@/app/(board)/deliveries/page');
const { default: AuditPage } = await import('@/app/(board)/audit/page');

/**
 * Board pages check the role themselves, as a request that reaches the page alone meets them:
 * the page function called directly with a real session cookie, against a real database.
 */

const processCache = globalThis as unknown as { envboardDatabase?: DatabaseHandle };
let handle: DatabaseHandle;
let project: Project;

beforeAll(async () => {
  handle = await createTestDatabase();
  processCache.envboardDatabase = handle;
  project = await createProject(handle.db);
});

afterAll(async () => {
  processCache.envboardDatabase = undefined;
  await handle?.close();
});

/** Where a page sends the request instead of rendering, or null when it renders. */
async function redirectOf(render: () => Promise<unknown>): Promise<string | null> {
  try {
    await render();
    return null;
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? '';
    if (!digest.startsWith('NEXT_REDIRECT')) throw error;
    return digest.split(';')[2]!;
  }
}

const searchParams = Promise.resolve({});

describe('the deliveries page (admins only)', () => {
  test('sends a developer to /forbidden', async () => {
    request.cookie = (await signedInMember(handle.db, project, 'developer')).cookie;
    expect(await redirectOf(() => DeliveriesPage({ searchParams }))).toBe('/forbidden?role=admin');
  });

  test('renders for an admin', async () => {
    request.cookie = (await signedInMember(handle.db, project, 'admin')).cookie;
    expect(await redirectOf(() => DeliveriesPage({ searchParams }))).toBeNull();
  });
});

describe('the audit page (every role)', () => {
  test('refuses someone whose membership is gone, though the cookie is genuine', async () => {
    const formerMember = await createUser(handle.db);
    request.cookie = await sessionCookie(formerMember);
    expect(await redirectOf(() => AuditPage({ searchParams }))).toBe('/forbidden?role=viewer');
  });

  test('renders for a viewer', async () => {
    request.cookie = (await signedInMember(handle.db, project, 'viewer')).cookie;
    expect(await redirectOf(() => AuditPage({ searchParams }))).toBeNull();
  });
});
