import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GET as health } from '@/app/api/health/route';
import { GET as deployments } from '@/app/api/v1/deployments/route';
import { GET as testRuns } from '@/app/api/v1/test-runs/route';
import type { DatabaseHandle } from '@/db/client';
import {
  at,
  createDeployments,
  createEnvironment,
  createProject,
  createTestRun,
  makeCases,
} from '../support/factories';
import {
  getWithCookie,
  sessionCookie,
  signedInMember,
  UNKNOWN_GITHUB_ID,
} from '../support/session';
import { createTestDatabase } from '../support/test-database';

/** The route handlers use the process-wide handle; point it at this file's test database. */
const processCache = globalThis as unknown as { envboardDatabase?: DatabaseHandle };
let handle: DatabaseHandle;

// Every read-API call comes from a signed-in viewer, the weakest role the API serves.
let cookie: string;
const get = (path: string) => getWithCookie(path, cookie);
beforeAll(async () => {
  handle = await createTestDatabase();
  processCache.envboardDatabase = handle;
});

afterAll(async () => {
  processCache.envboardDatabase = undefined;
  await handle?.close();
});

describe('on an empty database', () => {
  test('the list APIs refuse every session: with no project nobody has a role yet', async () => {
    const response = await deployments(
      getWithCookie('/api/v1/deployments', await sessionCookie({ githubId: UNKNOWN_GITHUB_ID })),
    );
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe('unauthenticated');
  });
});

describe('GET /api/health', () => {
  test('is 200 with the migration count when the database answers and is current', async () => {
    const response = await health();
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await response.json();
    expect(body).toMatchObject({ status: 'ok', database: 'reachable' });
    expect(body.migrations.applied).toBe(body.migrations.expected);
  });
});

describe('with data', () => {
  beforeAll(async () => {
    const project = await createProject(handle.db);
    ({ cookie } = await signedInMember(handle.db, project, 'viewer'));
    const production = await createEnvironment(handle.db, project, {
      kind: 'production',
      slug: 'production',
    });
    const preview = await createEnvironment(handle.db, project, { slug: 'pr-3' });
    await createDeployments(handle.db, production, [
      { providerCreatedAt: at(1), state: 'ready' },
      { providerCreatedAt: at(2), state: 'error' },
      { providerCreatedAt: at(3), state: 'ready' },
    ]);
    await createDeployments(handle.db, preview, [{ providerCreatedAt: at(4) }]);
    await createTestRun(
      handle.db,
      project,
      { suite: 'unit', startedAt: at(1) },
      makeCases(3, { 0: 'failed' }),
    );
    await createTestRun(handle.db, project, { suite: 'e2e', startedAt: at(2) }, makeCases(2));
  });

  test('GET /api/v1/deployments filters and pages with a cursor', async () => {
    const first = await deployments(get('/api/v1/deployments?environment=production&limit=2'));
    expect(first.status).toBe(200);
    const page1 = await first.json();
    expect(page1.data.map((row: { createdAt: string }) => row.createdAt)).toEqual([
      at(3).toISOString(),
      at(2).toISOString(),
    ]);
    expect(page1.nextCursor).toEqual(expect.any(String));
    const page2 = await (
      await deployments(
        get(`/api/v1/deployments?environment=production&limit=2&cursor=${page1.nextCursor}`),
      )
    ).json();
    expect(page2).toEqual({
      data: [expect.objectContaining({ createdAt: at(1).toISOString() })],
      nextCursor: null,
    });
    const errors = await (await deployments(get('/api/v1/deployments?state=error'))).json();
    expect(errors.data).toHaveLength(1);
  });

  test('GET /api/v1/deployments refuses an unknown state and a forged cursor with 400', async () => {
    const badState = await deployments(get('/api/v1/deployments?state=exploded'));
    expect(badState.status).toBe(400);
    expect((await badState.json()).error.issues[0].path).toBe('state');
    expect((await deployments(get('/api/v1/deployments?cursor=forged'))).status).toBe(400);
    expect((await deployments(get('/api/v1/deployments?limit=5000'))).status).toBe(400);
  });

  test('GET /api/v1/test-runs filters by suite and status', async () => {
    const unit = await (await testRuns(get('/api/v1/test-runs?suite=unit'))).json();
    expect(unit.data).toEqual([
      expect.objectContaining({ suite: 'unit', status: 'failed', failed: 1 }),
    ]);
    const passed = await (await testRuns(get('/api/v1/test-runs?status=passed'))).json();
    expect(passed.data.map((run: { suite: string }) => run.suite)).toEqual(['e2e']);
    expect((await testRuns(get('/api/v1/test-runs?suite=smoke'))).status).toBe(400);
  });
});
