import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { GET as deployments } from '@/app/api/v1/deployments/route';
import type { DatabaseHandle } from '@/db/client';
import { eq } from 'drizzle-orm';
import { memberships, type Project } from '@/db/schema';
import { HttpError, jsonRoute } from '@/lib/http/json-route';
import { createProject } from '../../support/factories';
import {
  getWithCookie,
  sessionCookie,
  signedInMember,
  UNKNOWN_GITHUB_ID,
} from '../../support/session';
import { createTestDatabase } from '../../support/test-database';
import { captureLogLines } from '@/tests/support/captured-logs';

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

describe('the read API', () => {
  test('answers 401 JSON without a session, before any work', async () => {
    const response = await deployments(getWithCookie('/api/v1/deployments'));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: { code: 'unauthenticated', message: expect.stringContaining('Sign in') },
    });
  });

  test('answers 401 for a session of a GitHub user envboard does not know', async () => {
    const cookie = await sessionCookie({ githubId: UNKNOWN_GITHUB_ID });
    expect((await deployments(getWithCookie('/api/v1/deployments', cookie))).status).toBe(401);
  });

  test('answers 403 for a session whose user holds no role on the project (any more)', async () => {
    const { user, cookie } = await signedInMember(handle.db, project, 'viewer');
    await handle.db.delete(memberships).where(eq(memberships.userId, user.id));
    const response = await deployments(getWithCookie('/api/v1/deployments', cookie));
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe('forbidden');
  });

  test('serves a viewer', async () => {
    const { cookie } = await signedInMember(handle.db, project, 'viewer');
    const response = await deployments(getWithCookie('/api/v1/deployments', cookie));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: [], nextCursor: null });
  });

  test('still parses first: a bad query is a 400 even without a session', async () => {
    expect((await deployments(getWithCookie('/api/v1/deployments?limit=0'))).status).toBe(400);
  });
});

describe('a route that asks for a stronger role', () => {
  const route = jsonRoute(z.object({}), async ({ actor }) => ({ by: actor.login }), {
    role: 'release_manager',
  });

  test('answers 403 JSON naming the role needed to a weaker one', async () => {
    const { cookie } = await signedInMember(handle.db, project, 'developer');
    const response = await route(getWithCookie('/x', cookie));
    expect(response.status).toBe(403);
    const body = await response.json();
    expect(body.error.code).toBe('forbidden');
    expect(body.error.message).toContain('Release manager');
  });

  test('runs the work for that role or above, with the actor', async () => {
    const { user, cookie } = await signedInMember(handle.db, project, 'admin');
    const response = await route(getWithCookie('/x', cookie));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ by: user.githubLogin });
  });
});

describe('after authorization', () => {
  const route = jsonRoute(z.object({ n: z.coerce.number().int() }), async ({ query }) => {
    if (query.n === 404) throw new HttpError(404, 'not_found', 'No such thing.');
    if (query.n === 500) throw new Error('connection reset by peer at 10.0.0.3');
    return { doubled: query.n * 2 };
  });
  let cookie: string;
  beforeAll(async () => {
    ({ cookie } = await signedInMember(handle.db, project, 'viewer'));
  });

  test('answers with the handler result as JSON that is not cached', async () => {
    const response = await route(getWithCookie('/x?n=21', cookie));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ doubled: 42 });
  });

  test('passes an HttpError through with its status and code', async () => {
    const response = await route(getWithCookie('/x?n=404', cookie));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: 'not_found', message: 'No such thing.' },
    });
  });

  test('hides unexpected errors behind a generic 500 and logs the detail', async () => {
    const logs = captureLogLines();
    const response = await route(getWithCookie('/x?n=500', cookie));
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('10.0.0.3');
    logs.restore();
    expect(logs.errors()).toHaveLength(1);
  });
});
