import { gzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { POST } from '@/app/api/v1/test-runs/route';
import type { DatabaseHandle } from '@/db/client';
import { type Project, testCases, testRuns } from '@/db/schema';
import { issueUploadToken } from '@/lib/test-reports/upload-token';
import { junitXml, playwrightJson } from '../../fixtures/test-reports/builders';
import {
  createDeployments,
  createEnvironment,
  createProject,
  createPullRequest,
  sha,
} from '../../support/factories';
import { createTestDatabase } from '../../support/test-database';

/** The route handlers use the process-wide handle; point it at this file's test database. */
const processCache = globalThis as unknown as { envboardDatabase?: DatabaseHandle };
let handle: DatabaseHandle;
let project: Project;
let token: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  processCache.envboardDatabase = handle;
  project = await createProject(handle.db);
  token = await issueUploadToken(handle.db, project);
});

afterAll(async () => {
  processCache.envboardDatabase = undefined;
  await handle?.close();
});

afterEach(() => {
  delete process.env.TEST_REPORT_MAX_BYTES;
});

const COMMIT = sha(0xc0ffee);
const UNIT_REPORT = junitXml([
  { name: 'adds', seconds: 0.25 },
  { name: 'removes' },
  { name: 'totals', outcome: 'failed', message: 'expected 5 to be 4' },
  { name: 'ships', outcome: 'skipped' },
]);

function upload(
  query: string,
  body: string | Uint8Array<ArrayBuffer>,
  options: { contentType?: string; token?: string | null; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = {
    'content-type': options.contentType ?? 'application/xml',
    ...options.headers,
  };
  const bearer = options.token === undefined ? token : options.token;
  if (bearer !== null) headers.authorization = `Bearer ${bearer}`;
  return POST(
    new Request(`http://localhost/api/v1/test-runs?${query}`, { method: 'POST', headers, body }),
  );
}

const runCount = async () => (await handle.db.select().from(testRuns)).length;

describe('POST /api/v1/test-runs refuses', () => {
  test('a request without a token, or with a wrong one: 401, nothing stored', async () => {
    const before = await runCount();
    const missing = await upload(`commit=${COMMIT}`, UNIT_REPORT, { token: null });
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await missing.json()).error.code).toBe('unauthenticated');
    const wrong = await upload(`commit=${COMMIT}`, UNIT_REPORT, { token: `${token}x` });
    expect(wrong.status).toBe(401);
    const otherScheme = await upload(`commit=${COMMIT}`, UNIT_REPORT, {
      token: null,
      headers: { authorization: `Basic ${token}` },
    });
    expect(otherScheme.status).toBe(401);
    expect(await runCount()).toBe(before);
  });

  test('a report over the size limit: 413', async () => {
    process.env.TEST_REPORT_MAX_BYTES = '1024';
    const big = junitXml(Array.from({ length: 40 }, (_, index) => ({ name: `case ${index}` })));
    expect(Buffer.byteLength(big)).toBeGreaterThan(1024);
    const response = await upload(`commit=${COMMIT}`, big);
    expect(response.status).toBe(413);
    expect((await response.json()).error).toEqual({
      code: 'payload_too_large',
      message: 'The report is larger than 1024 bytes.',
    });
  });

  test('malformed XML: 400 naming the line', async () => {
    const response = await upload(
      `commit=${COMMIT}`,
      '<testsuites>\n<testsuite name="a">\n<testcase name="x">\n</testsuite>',
    );
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe('invalid_report');
    expect(error.message).toMatch(/^JUnit XML is not well-formed at line 4, column \d+/);
  });

  test('JSON that is no Playwright report: 400 naming the field', async () => {
    const response = await upload(`commit=${COMMIT}`, '{"suites": {}}', {
      contentType: 'application/json',
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/suites: /);
  });

  test('a missing commit: 400 naming it; another content type: 415', async () => {
    const noCommit = await upload('branch=main', UNIT_REPORT);
    expect(noCommit.status).toBe(400);
    expect((await noCommit.json()).error.issues).toEqual([
      { path: 'commit', message: 'commit is required: the SHA the tests ran on' },
    ]);
    const text = await upload(`commit=${COMMIT}`, UNIT_REPORT, { contentType: 'text/plain' });
    expect(text.status).toBe(415);
  });

  test('a commit no pull request or deployment explains, without a branch: 400', async () => {
    const response = await upload(`commit=${sha(0xbad)}`, UNIT_REPORT);
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/^branch is required/);
  });
});

describe('POST /api/v1/test-runs stores', () => {
  test('a JUnit report: 201 with the run id and counts, its cases, coverage', async () => {
    const response = await upload(
      `commit=${COMMIT}&branch=main&coverage=81.25&run_id=unit-1`,
      UNIT_REPORT,
    );
    expect(response.status).toBe(201);
    const { data } = await response.json();
    expect(data).toMatchObject({
      created: true,
      suite: 'unit',
      status: 'failed',
      commitSha: COMMIT,
      branch: 'main',
      counts: { total: 4, passed: 2, failed: 1, skipped: 1, flaky: 0 },
    });
    const [run] = await handle.db.select().from(testRuns).where(eq(testRuns.id, data.id));
    expect(run).toMatchObject({ projectId: project.id, coveragePct: 81.25 });
    const cases = await handle.db.select().from(testCases).where(eq(testCases.testRunId, data.id));
    expect(cases.find((testCase) => testCase.name === 'totals')).toMatchObject({
      status: 'failed',
      failureMessage: 'expected 5 to be 4',
      file: 'src/app.test.ts',
    });
    expect(cases.find((testCase) => testCase.name === 'adds')?.durationMs).toBe(250);
  });

  test('a re-upload with the same run id: 200 with the stored run, nothing counted twice', async () => {
    const first = await upload(`commit=${COMMIT}&branch=main&run_id=unit-2`, UNIT_REPORT);
    expect(first.status).toBe(201);
    const before = await runCount();
    const again = await upload(`commit=${COMMIT}&branch=main&run_id=unit-2`, UNIT_REPORT);
    expect(again.status).toBe(200);
    const [firstBody, againBody] = [await first.json(), await again.json()];
    expect(againBody.data).toMatchObject({ id: firstBody.data.id, created: false });
    expect(await runCount()).toBe(before);
    const cases = await handle.db
      .select()
      .from(testCases)
      .where(eq(testCases.testRunId, firstBody.data.id));
    expect(cases).toHaveLength(4);
  });

  test('without a run id, the same body for the same commit is the same report', async () => {
    const body = junitXml([{ name: 'only one' }]);
    expect((await upload(`commit=${COMMIT}&branch=main`, body)).status).toBe(201);
    expect((await upload(`commit=${COMMIT}&branch=main`, body)).status).toBe(200);
    expect((await upload(`commit=${sha(0xabc)}&branch=main`, body)).status).toBe(201);
  });

  test('one CI run id carries a unit and an e2e report apart', async () => {
    const unit = await upload(`commit=${COMMIT}&branch=main&run_id=4242`, UNIT_REPORT);
    const e2e = await upload(
      `commit=${COMMIT}&branch=main&run_id=4242`,
      playwrightJson([{ title: 'pays', attempts: ['failed', 'passed'] }]),
      { contentType: 'application/json' },
    );
    expect([unit.status, e2e.status]).toEqual([201, 201]);
    expect((await e2e.json()).data).toMatchObject({
      suite: 'e2e',
      status: 'passed',
      counts: { total: 1, flaky: 1 },
    });
  });

  test('a gzipped report, inflated; another encoding is 415', async () => {
    const gzipped = new Uint8Array(gzipSync(UNIT_REPORT));
    const response = await upload(`commit=${COMMIT}&branch=main&run_id=gzip-1`, gzipped, {
      headers: { 'content-encoding': 'gzip' },
    });
    expect(response.status).toBe(201);
    expect((await response.json()).data.counts.total).toBe(4);
    const brotli = await upload(`commit=${COMMIT}&branch=main&run_id=br-1`, UNIT_REPORT, {
      headers: { 'content-encoding': 'br' },
    });
    expect(brotli.status).toBe(415);
  });

  test('metadata sent as X-Envboard-* headers', async () => {
    const response = await upload('', UNIT_REPORT, {
      headers: {
        'x-envboard-commit': COMMIT,
        'x-envboard-branch': 'release',
        'x-envboard-suite': 'integration',
        'x-envboard-run-id': 'headers-1',
      },
    });
    expect(response.status).toBe(201);
    expect((await response.json()).data).toMatchObject({ suite: 'integration', branch: 'release' });
  });
});

describe('POST /api/v1/test-runs ties the run to', () => {
  test('the pull request by number, with its branch, preview environment and deployment', async () => {
    const pr = await createPullRequest(handle.db, project, { headBranch: 'feature/cart' });
    const preview = await createEnvironment(handle.db, project, {
      pullRequestId: pr.id,
      gitBranch: 'feature/cart',
    });
    const [deployment] = await createDeployments(handle.db, preview, [
      { commitSha: pr.headSha, pullRequestId: pr.id },
    ]);
    const response = await upload(
      `commit=${pr.headSha}&pr=${pr.number}&run_id=pr-number`,
      UNIT_REPORT,
    );
    expect(response.status).toBe(201);
    expect((await response.json()).data).toMatchObject({
      branch: 'feature/cart',
      pullRequestId: pr.id,
      environmentId: preview.id,
      deploymentId: deployment!.id,
    });
  });

  test('the pull request by head SHA when no number is given', async () => {
    const pr = await createPullRequest(handle.db, project, { headBranch: 'feature/sha' });
    const response = await upload(`commit=${pr.headSha}&run_id=pr-sha`, UNIT_REPORT);
    expect((await response.json()).data).toMatchObject({
      branch: 'feature/sha',
      pullRequestId: pr.id,
    });
  });

  test('a deployment by Vercel id or by URL, and its environment', async () => {
    const staging = await createEnvironment(handle.db, project, {
      kind: 'staging',
      slug: 'staging',
      gitBranch: 'main',
      url: 'https://staging.shop.example',
    });
    const [older, newer] = await createDeployments(handle.db, staging, [
      { commitSha: sha(0x5001), url: 'shop-old.vercel.app' },
      { commitSha: sha(0x5002), url: 'shop-new.vercel.app' },
    ]);
    const byId = await upload(
      `commit=${sha(0x5001)}&deployment=${older!.vercelId}&run_id=dpl-id`,
      playwrightJson([{ title: 'home' }]),
      { contentType: 'application/json' },
    );
    expect((await byId.json()).data).toMatchObject({
      suite: 'e2e',
      branch: 'main',
      deploymentId: older!.id,
      environmentId: staging.id,
    });
    const byUrl = await upload(
      `commit=${sha(0x5002)}&deployment=https://shop-new.vercel.app/&run_id=dpl-url`,
      playwrightJson([{ title: 'home' }]),
      { contentType: 'application/json' },
    );
    expect((await byUrl.json()).data).toMatchObject({ deploymentId: newer!.id });
  });

  test('an environment by its URL or slug, and the deployment of the commit on it', async () => {
    const production = await createEnvironment(handle.db, project, {
      kind: 'production',
      slug: 'production',
      gitBranch: 'main',
      url: 'https://shop.example',
    });
    const [live] = await createDeployments(handle.db, production, [{ commitSha: sha(0x6001) }]);
    const byUrl = await upload(
      `commit=${sha(0x6001)}&deployment=https://shop.example&run_id=env-url`,
      playwrightJson([{ title: 'smoke' }]),
      { contentType: 'application/json' },
    );
    expect((await byUrl.json()).data).toMatchObject({
      environmentId: production.id,
      deploymentId: live!.id,
      branch: 'main',
    });
    const bySlug = await upload(
      `commit=${sha(0x6002)}&environment=production&run_id=env-slug`,
      playwrightJson([{ title: 'smoke' }]),
      { contentType: 'application/json' },
    );
    // That commit never deployed there: the environment is known, the deployment is not.
    expect((await bySlug.json()).data).toMatchObject({
      environmentId: production.id,
      deploymentId: null,
      branch: 'main',
    });
  });
});
