import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GET as environments } from '@/app/api/v1/environments/route';
import { GET as previews } from '@/app/api/v1/previews/route';
import type { DatabaseHandle } from '@/db/client';
import { encodeCursor } from '@/lib/paging';
import * as f from '../support/factories';
import { getWithCookie, signedInMember } from '../support/session';
import { createTestDatabase } from '../support/test-database';

/** The route handlers use the process-wide handle; point it at this file's test database. */
const processCache = globalThis as unknown as { envboardDatabase?: DatabaseHandle };
let handle: DatabaseHandle;

// Every read-API call comes from a signed-in viewer, the weakest role the API serves.
let cookie: string;
const get = (path: string) => getWithCookie(path, cookie);
const json = async (response: Response) => ({
  status: response.status,
  body: await response.json(),
});

beforeAll(async () => {
  handle = await createTestDatabase();
  processCache.envboardDatabase = handle;
  const { db } = handle;
  const project = await f.createProject(db);
  ({ cookie } = await signedInMember(db, project, 'viewer'));
  await f.createEnvironment(db, project, { kind: 'production', slug: 'production' });
  await f.createEnvironment(db, project, { kind: 'staging', slug: 'staging' });
  for (const [number, author] of [
    [7, 'alice'],
    [8, 'bob'],
    [9, 'alice'],
  ] as const) {
    const pr = await f.createPullRequest(db, project, {
      number,
      author,
      openedAt: new Date(Date.UTC(2026, 0, number)),
    });
    const environment = await f.createEnvironment(db, project, {
      slug: `pr-${number}`,
      pullRequestId: pr.id,
    });
    await f.createDeployments(db, environment, [{ state: number === 8 ? 'error' : 'ready' }]);
  }
});

afterAll(async () => {
  processCache.envboardDatabase = undefined;
  await handle?.close();
});

describe('GET /api/v1/environments', () => {
  test('pages with the cursor it hands out, long-lived environments first', async () => {
    const first = await json(await environments(get('/api/v1/environments?limit=2')));
    expect(first.status).toBe(200);
    expect(first.body.data.map((row: { slug: string }) => row.slug)).toEqual([
      'production',
      'staging',
    ]);
    expect(first.body.data[0]).not.toHaveProperty('kindRank');
    const second = await json(
      await environments(get(`/api/v1/environments?limit=2&cursor=${first.body.nextCursor}`)),
    );
    expect(second.body.data.map((row: { slug: string }) => row.slug)).toEqual(['pr-9', 'pr-8']);
  });

  test('filters by kind', async () => {
    const { body } = await json(await environments(get('/api/v1/environments?kind=staging')));
    expect(body).toMatchObject({ data: [{ slug: 'staging' }], nextCursor: null });
  });

  test('answers 400 with the offending parameters', async () => {
    const { status, body } = await json(
      await environments(get('/api/v1/environments?kind=qa&deleted=maybe&limit=0')),
    );
    expect(status).toBe(400);
    expect(body.error.code).toBe('invalid_query');
    expect(body.error.issues.map((issue: { path: string }) => issue.path).sort()).toEqual([
      'deleted',
      'kind',
      'limit',
    ]);
  });

  test('refuses a cursor made for a time-sorted list', async () => {
    const cursor = encodeCursor(new Date('2026-01-01T00:00:00Z'), 3);
    const response = await environments(get(`/api/v1/environments?cursor=${cursor}`));
    expect(response.status).toBe(400);
  });
});

describe('GET /api/v1/previews', () => {
  test('lists open pull requests newest first and filters by author and state', async () => {
    const all = await json(await previews(get('/api/v1/previews')));
    expect(
      all.body.data.map((row: { pullRequest: { number: number } }) => row.pullRequest.number),
    ).toEqual([9, 8, 7]);
    const alice = await json(await previews(get('/api/v1/previews?author=alice&limit=1')));
    expect(alice.body.data).toHaveLength(1);
    expect(alice.body.data[0].pullRequest.number).toBe(9);
    const next = await json(
      await previews(get(`/api/v1/previews?author=alice&limit=1&cursor=${alice.body.nextCursor}`)),
    );
    expect(next.body.data[0].pullRequest.number).toBe(7);
    expect(next.body.nextCursor).toBeNull();
    const failing = await json(await previews(get('/api/v1/previews?state=error')));
    expect(
      failing.body.data.map((row: { pullRequest: { number: number } }) => row.pullRequest.number),
    ).toEqual([8]);
  });

  test('answers 400 for an unknown tab or state', async () => {
    const response = await previews(get('/api/v1/previews?tab=all&state=broken'));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.issues.map((issue: { path: string }) => issue.path).sort()).toEqual([
      'state',
      'tab',
    ]);
  });
});
