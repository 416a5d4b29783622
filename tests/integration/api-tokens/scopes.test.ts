import { readFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GET as deployments } from '@/app/api/v1/deployments/route';
import { GET as environments } from '@/app/api/v1/environments/route';
import { GET as ciMetrics } from '@/app/api/v1/metrics/ci/route';
import { GET as costMetrics } from '@/app/api/v1/metrics/costs/route';
import { GET as doraMetrics } from '@/app/api/v1/metrics/dora/route';
import { GET as testMetrics } from '@/app/api/v1/metrics/tests/route';
import { GET as uptimeMetrics } from '@/app/api/v1/metrics/uptime/route';
import { GET as operationById } from '@/app/api/v1/operations/[id]/route';
import { GET as followedOperations, POST as postOperation } from '@/app/api/v1/operations/route';
import { GET as previews } from '@/app/api/v1/previews/route';
import { GET as testRuns, POST as uploadTestRun } from '@/app/api/v1/test-runs/route';
import type { DatabaseHandle } from '@/db/client';
import { apiTokens, type Project, projects } from '@/db/schema';
import { hashApiToken, issueApiToken, revokeApiToken } from '@/lib/auth/api-tokens';
import type { ApiTokenScope } from '@/lib/domain/api-tokens';
import { junitXml } from '../../fixtures/test-reports/builders';
import {
  at,
  createDeployments,
  createEnvironment,
  createOperation,
  createProject,
  sha,
} from '../../support/factories';
import { createTestDatabase } from '../../support/test-database';

/**
 * Bearer API tokens on every /api/v1 route handler, with real tokens on a real database: each
 * scope reaches exactly its routes, a token answers about its own project only, and an unknown,
 * revoked or expired token gets 401.
 */

const processCache = globalThis as unknown as { envboardDatabase?: DatabaseHandle };
let handle: DatabaseHandle;
let shop: Project;
let blog: Project;
const tokens = {} as Record<ApiTokenScope, string>;
let blogReader: string;
let blogOperationId: number;

async function issue(project: Project, scopes: ApiTokenScope[], expiresAt: Date | null = null) {
  const issued = await issueApiToken(handle.db, {
    projectId: project.id,
    name: `${project.slug}-${scopes.join('-')}`,
    scopes,
    expiresAt,
    createdBy: 'test',
    actorId: null,
    now: new Date(),
  });
  return issued;
}

const withToken = (token: string | undefined, init: RequestInit = {}) => ({
  ...init,
  headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` },
});
const get = (path: string, token?: string) =>
  new Request(`http://localhost${path}`, token === undefined ? {} : withToken(token));

beforeAll(async () => {
  delete process.env.ENVBOARD_PROJECT;
  handle = await createTestDatabase();
  processCache.envboardDatabase = handle;
  // The board shows the first project; the second is reached by its own tokens only.
  shop = await createProject(handle.db, { slug: 'scope-shop' });
  blog = await createProject(handle.db, { slug: 'scope-blog' });
  for (const project of [shop, blog]) {
    const production = await createEnvironment(handle.db, project, {
      kind: 'production',
      slug: 'production',
    });
    await createDeployments(handle.db, production, [
      { providerCreatedAt: at(1), commitMessage: `${project.slug} release` },
    ]);
  }
  for (const scope of ['read', 'report', 'operate'] as const) {
    tokens[scope] = (await issue(shop, [scope])).token;
  }
  blogReader = (await issue(blog, ['read'])).token;
  blogOperationId = (await createOperation(handle.db, blog)).id;
});

afterAll(async () => {
  processCache.envboardDatabase = undefined;
  await handle?.close();
});

const readRoutes: [string, (request: Request) => Promise<Response>][] = [
  ['/api/v1/deployments', deployments],
  ['/api/v1/environments', environments],
  ['/api/v1/previews', previews],
  ['/api/v1/test-runs', testRuns],
  ['/api/v1/operations?environment=1', followedOperations],
  ['/api/v1/metrics/ci?range=30d', ciMetrics],
  ['/api/v1/metrics/costs?range=30d', costMetrics],
  ['/api/v1/metrics/dora?range=30d', doraMetrics],
  ['/api/v1/metrics/tests?range=30d', testMetrics],
  ['/api/v1/metrics/uptime?range=30d', uptimeMetrics],
];

describe('read routes', () => {
  test.each(readRoutes)(
    '%s answers a read token and refuses report and operate',
    async (path, route) => {
      expect((await route(get(path, tokens.read))).status).toBe(200);
      for (const scope of ['report', 'operate'] as const) {
        const refused = await route(get(path, tokens[scope]));
        expect(refused.status).toBe(403);
        expect((await refused.json()).error.code).toBe('insufficient_scope');
      }
    },
  );

  test('an operation by id answers a read token of its project, and 404 to another project', async () => {
    const route = (token: string) =>
      operationById(get(`/api/v1/operations/${blogOperationId}`, token), {
        params: Promise.resolve({ id: String(blogOperationId) }),
      });
    expect((await route(blogReader)).status).toBe(200);
    expect((await route(tokens.read)).status).toBe(404);
    expect((await route(tokens.report)).status).toBe(403);
  });

  test("a token answers about its own project, never the board's other one", async () => {
    const ofShop = await (await deployments(get('/api/v1/deployments', tokens.read))).json();
    const ofBlog = await (await deployments(get('/api/v1/deployments', blogReader))).json();
    expect(ofShop.data.map((row: { commitMessage: string }) => row.commitMessage)).toEqual([
      'scope-shop release',
    ]);
    expect(ofBlog.data.map((row: { commitMessage: string }) => row.commitMessage)).toEqual([
      'scope-blog release',
    ]);
  });
});

describe('write routes', () => {
  const upload = (token: string) =>
    uploadTestRun(
      new Request(
        `http://localhost/api/v1/test-runs?commit=${sha(7)}&branch=main`,
        withToken(token, {
          method: 'POST',
          headers: { 'content-type': 'application/xml' },
          body: junitXml([{ name: 'adds' }]),
        }),
      ),
    );

  test('a test report upload needs the report scope', async () => {
    expect((await upload(tokens.report)).status).toBe(201);
    expect((await upload(tokens.read)).status).toBe(403);
    expect((await upload(tokens.operate)).status).toBe(403);
  });

  test('an operation request needs the operate scope (the engine then decides: 404 here)', async () => {
    const post = (token: string) =>
      postOperation(
        new Request(
          'http://localhost/api/v1/operations',
          withToken(token, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ kind: 'promote', deploymentId: 999_999, reason: 'release' }),
          }),
        ),
      );
    expect((await post(tokens.read)).status).toBe(403);
    expect((await post(tokens.report)).status).toBe(403);
    const allowed = await post(tokens.operate);
    expect(allowed.status).toBe(404);
    expect((await allowed.json()).error.code).toBe('not_found');
  });
});

describe('tokens that are not live', () => {
  test('unknown, revoked and expired tokens get 401 with a Bearer challenge', async () => {
    const revoked = await issue(shop, ['read']);
    await revokeApiToken(handle.db, {
      projectId: shop.id,
      tokenId: revoked.record.id,
      actorId: null,
      now: new Date(),
    });
    const expired = await issue(shop, ['read'], new Date(Date.now() - 1000));
    for (const token of [revoked.token, expired.token, `${tokens.read}x`, 'envb_api_nope']) {
      const response = await deployments(get('/api/v1/deployments', token));
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect((await response.json()).error.code).toBe('invalid_token');
    }
    const basic = await deployments(
      new Request('http://localhost/api/v1/deployments', {
        headers: { authorization: 'Basic dXNlcjpwYXNz' },
      }),
    );
    expect(basic.status).toBe(401);
  });

  test('a use is recorded as the last-used time, at most once a minute', async () => {
    const { token, record } = await issue(shop, ['read']);
    const lastUsed = async () =>
      (await handle.db.select().from(apiTokens).where(eq(apiTokens.id, record.id)))[0]!.lastUsedAt;
    expect(await lastUsed()).toBeNull();
    await deployments(get('/api/v1/deployments', token));
    const first = await lastUsed();
    expect(first).toBeInstanceOf(Date);
    await deployments(get('/api/v1/deployments', token));
    expect((await lastUsed())?.getTime()).toBe(first!.getTime());
  });
});

describe('an upload token from before API tokens', () => {
  test('keeps working through the row migration 0007 copies it into', async () => {
    const legacy = 'envb_ingest_legacy-token-of-the-blog';
    const migration = readFileSync('db/migrations/0007_signals_and_delivery.sql', 'utf8');
    const copy = migration.split('\n').find((line) => line.startsWith('INSERT INTO "api_tokens"'));
    await handle.db
      .update(projects)
      .set({ uploadTokenHash: hashApiToken(legacy) })
      .where(eq(projects.id, blog.id));
    await handle.db.execute(sql.raw(copy!));
    const response = await uploadTestRun(
      new Request(
        `http://localhost/api/v1/test-runs?commit=${sha(8)}&branch=main`,
        withToken(legacy, {
          method: 'POST',
          headers: { 'content-type': 'application/xml' },
          body: junitXml([{ name: 'adds' }]),
        }),
      ),
    );
    expect(response.status).toBe(201);
    expect((await deployments(get('/api/v1/deployments', legacy))).status).toBe(403);
  });
});
