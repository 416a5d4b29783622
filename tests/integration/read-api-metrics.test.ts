import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GET as ciMetrics } from '@/app/api/v1/metrics/ci/route';
import { GET as testMetrics } from '@/app/api/v1/metrics/tests/route';
import type { DatabaseHandle } from '@/db/client';
import { refreshAllRollups } from '@/db/rollups/refresh';
import { upsertCiRuns } from '@/db/writes';
import { isoDay } from '@/lib/domain/chart-range';
import { createProject, createTestRun, DAY, makeCases, sha } from '../support/factories';
import { getWithCookie, signedInMember } from '../support/session';
import { createTestDatabase } from '../support/test-database';

/** The route handlers use the process-wide handle; point it at this file's test database. */
const processCache = globalThis as unknown as { envboardDatabase?: DatabaseHandle };
let handle: DatabaseHandle;
let cookie: string;
const yesterday = new Date(Date.now() - DAY);

beforeAll(async () => {
  handle = await createTestDatabase();
  processCache.envboardDatabase = handle;
  const project = await createProject(handle.db);
  ({ cookie } = await signedInMember(handle.db, project, 'viewer'));
  await upsertCiRuns(handle.db, [
    {
      projectId: project.id,
      githubRunId: 9_001,
      workflowName: 'CI',
      event: 'push',
      headBranch: 'main',
      headSha: sha(9_001),
      status: 'completed',
      conclusion: 'success',
      htmlUrl: 'https://github.com/acme/app/actions/runs/9001',
      providerCreatedAt: yesterday,
      providerUpdatedAt: yesterday,
      queueMs: 7_000,
      durationMs: 192_000,
    },
  ]);
  await createTestRun(
    handle.db,
    project,
    { suite: 'unit', startedAt: yesterday, coveragePct: 81.5 },
    makeCases(4, { 1: 'flaky' }),
  );
  await refreshAllRollups(handle.db, project.id);
});

afterAll(async () => {
  processCache.envboardDatabase = undefined;
  await handle?.close();
});

describe.each([
  ['ci', ciMetrics],
  ['tests', testMetrics],
] as const)('GET /api/v1/metrics/%s', (kind, handler) => {
  const path = `/api/v1/metrics/${kind}`;

  test('refuses an anonymous caller with 401', async () => {
    expect((await handler(getWithCookie(`${path}?range=7d`))).status).toBe(401);
  });

  test('refuses a range it does not know with 400', async () => {
    const response = await handler(getWithCookie(`${path}?range=2w`, cookie));
    expect(response.status).toBe(400);
    expect((await response.json()).error.issues[0].path).toBe('range');
  });

  test('answers a viewer with one period per day of the range, 30 days by default', async () => {
    const week = await (await handler(getWithCookie(`${path}?range=7d`, cookie))).json();
    expect(week.data.range).toBe('7d');
    expect(week.data.periods).toHaveLength(7);
    const month = await (await handler(getWithCookie(path, cookie))).json();
    expect(month.data.periods).toHaveLength(30);
    expect(month.data.periods.at(-1)).toBe(isoDay(new Date()));
  });
});

test('the CI series carries the run, its figures and its slowest-run link', async () => {
  const { data } = await (
    await ciMetrics(getWithCookie('/api/v1/metrics/ci?range=7d', cookie))
  ).json();
  expect(data.workflows).toEqual([
    {
      workflow: 'CI',
      points: [
        expect.objectContaining({
          period: isoDay(yesterday),
          runs: 1,
          successRate: 1,
          durationP50Ms: 192_000,
          queueP50Ms: 7_000,
        }),
      ],
    },
  ]);
  expect(data.slowest).toEqual([
    expect.objectContaining({ htmlUrl: 'https://github.com/acme/app/actions/runs/9001' }),
  ]);
  const weekly = await (
    await ciMetrics(getWithCookie('/api/v1/metrics/ci?range=30d&grain=week', cookie))
  ).json();
  expect(weekly.data.grain).toBe('week');
});

test('the test series carries each suite’s pass rate, flaky tests, coverage and size', async () => {
  const { data } = await (
    await testMetrics(getWithCookie('/api/v1/metrics/tests?range=7d', cookie))
  ).json();
  expect(data.coverageThresholdPct).toBe(80);
  expect(data.suites).toEqual([
    {
      suite: 'unit',
      points: [
        {
          period: isoDay(yesterday),
          runs: 1,
          passedRuns: 1,
          passRate: 1,
          flakyTests: 1,
          coveragePct: 81.5,
          cases: 4,
        },
      ],
    },
  ]);
});
