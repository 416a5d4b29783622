import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { getCiMetrics } from '@/db/queries/ci-series';
import { getTestMetrics } from '@/db/queries/test-series';
import { refreshAllRollups } from '@/db/rollups/refresh';
import type { NewCiRun, Project } from '@/db/schema';
import { upsertCiRuns } from '@/db/writes';
import { createProject, createTestRun, makeCases, sha } from '../support/factories';
import { createTestDatabase } from '../support/test-database';

/**
 * The CI and test series the charts draw, on a small history with answers worked out by hand:
 * raw rows written through db/writes, rollups refreshed as the write paths refresh them.
 */
let handle: DatabaseHandle;
let project: Project;
let empty: Project;
/** Today is 10 March 2026 (a Tuesday); 7 days run from Wednesday 4 March. */
const now = new Date('2026-03-10T18:00:00Z');
const SECOND = 1000;

let runId = 5_000;
function ciRun(
  projectId: number,
  {
    day,
    durationS,
    queueS,
    conclusion = 'success',
    workflow = 'CI',
    status = 'completed',
  }: {
    day: string;
    durationS: number;
    queueS: number;
    conclusion?: NewCiRun['conclusion'];
    workflow?: string;
    status?: NewCiRun['status'];
  },
): NewCiRun {
  const createdAt = new Date(`${day}T09:00:00Z`);
  runId += 1;
  return {
    projectId,
    githubRunId: runId,
    workflowName: workflow,
    event: 'push',
    headBranch: 'main',
    headSha: sha(runId),
    status,
    conclusion: status === 'completed' ? conclusion : null,
    htmlUrl: `https://github.com/acme/app/actions/runs/${runId}`,
    providerCreatedAt: createdAt,
    providerUpdatedAt: createdAt,
    queueMs: queueS * SECOND,
    durationMs: status === 'completed' ? durationS * SECOND : null,
  };
}

beforeAll(async () => {
  handle = await createTestDatabase();
  const db = handle.db;
  project = await createProject(db);
  empty = await createProject(db);
  const other = await createProject(db);
  await upsertCiRuns(db, [
    // Sunday 8 March: four finished runs of CI (one cancelled), one still running.
    ciRun(project.id, { day: '2026-03-08', durationS: 60, queueS: 5 }),
    ciRun(project.id, { day: '2026-03-08', durationS: 120, queueS: 10 }),
    ciRun(project.id, { day: '2026-03-08', durationS: 300, queueS: 20, conclusion: 'failure' }),
    ciRun(project.id, { day: '2026-03-08', durationS: 10, queueS: 15, conclusion: 'cancelled' }),
    ciRun(project.id, { day: '2026-03-08', durationS: 0, queueS: 1, status: 'in_progress' }),
    ciRun(project.id, { day: '2026-03-09', durationS: 30, queueS: 2, workflow: 'Deploy' }),
    ciRun(project.id, { day: '2026-03-10', durationS: 90, queueS: 4 }),
    // Outside the 7 days, and another project's run on a day inside them.
    ciRun(project.id, { day: '2026-02-10', durationS: 999, queueS: 1 }),
    ciRun(other.id, { day: '2026-03-08', durationS: 5_000, queueS: 1 }),
  ]);

  const unit = { suite: 'unit' as const };
  // Sunday 8 March, unit: one run passed (coverage 80), one failed (coverage 82); test-3 flaky in both.
  await createTestRun(
    db,
    project,
    { ...unit, startedAt: new Date('2026-03-08T10:00:00Z'), coveragePct: 80 },
    makeCases(10, { 3: 'flaky' }),
  );
  await createTestRun(
    db,
    project,
    { ...unit, startedAt: new Date('2026-03-08T11:00:00Z'), coveragePct: 82 },
    makeCases(12, { 3: 'flaky', 5: 'failed' }),
  );
  // Monday 9 and Tuesday 10 March, unit: no coverage reported; test-4, then test-4 and test-6 flaky.
  await createTestRun(
    db,
    project,
    { ...unit, startedAt: new Date('2026-03-09T10:00:00Z') },
    makeCases(12, { 4: 'flaky' }),
  );
  await createTestRun(
    db,
    project,
    { ...unit, startedAt: new Date('2026-03-10T10:00:00Z'), coveragePct: 83.5 },
    makeCases(13, { 4: 'flaky', 6: 'flaky' }),
  );
  await createTestRun(
    db,
    project,
    { suite: 'integration', startedAt: new Date('2026-03-10T12:00:00Z'), coveragePct: 70 },
    makeCases(5),
  );
  await createTestRun(
    db,
    other,
    { suite: 'e2e', startedAt: new Date('2026-03-09T12:00:00Z') },
    makeCases(4),
  );
  for (const each of [project, other]) await refreshAllRollups(db, each.id);
});

afterAll(async () => {
  await handle?.close();
});

describe('CI series', () => {
  test('per day: each workflow, busiest first, with its figures and gaps left out', async () => {
    const metrics = await getCiMetrics(handle.db, project.id, { range: '7d', now });
    expect(metrics.grain).toBe('day');
    expect(metrics.periods).toEqual([
      '2026-03-04',
      '2026-03-05',
      '2026-03-06',
      '2026-03-07',
      '2026-03-08',
      '2026-03-09',
      '2026-03-10',
    ]);
    expect(metrics.workflows.map((series) => series.workflow)).toEqual(['CI', 'Deploy']);
    const [sunday, tuesday] = metrics.workflows[0]!.points;
    // Durations 10, 60, 120, 300 s: the continuous median is 90 s, p95 120 + 0.85 × 180 = 273 s.
    expect(sunday).toEqual({
      period: '2026-03-08',
      runs: 4,
      successes: 2,
      failures: 1,
      successRate: 2 / 3,
      durationP50Ms: 90_000,
      durationP95Ms: 273_000,
      queueP50Ms: 12_500,
      queueP95Ms: expect.closeTo(19_250, 3),
      // The cancelled run counts as a run, not as a failure.
    });
    expect(tuesday).toMatchObject({ period: '2026-03-10', runs: 1, successRate: 1 });
    expect(metrics.workflows[1]!.points).toEqual([
      expect.objectContaining({ period: '2026-03-09', runs: 1, durationP50Ms: 30_000 }),
    ]);
  });

  test('lists the slowest run of each period, slowest first, with its GitHub link', async () => {
    const { slowest } = await getCiMetrics(handle.db, project.id, { range: '7d', now });
    expect(slowest.map((run) => [run.workflow, run.period, run.durationMs])).toEqual([
      ['CI', '2026-03-08', 300_000],
      ['CI', '2026-03-10', 90_000],
      ['Deploy', '2026-03-09', 30_000],
    ]);
    expect(slowest[0]).toMatchObject({
      conclusion: 'failure',
      queueMs: 20_000,
      htmlUrl: expect.stringMatching(/^https:\/\/github\.com\/acme\/app\/actions\/runs\/\d+$/),
      createdAt: '2026-03-08T09:00:00.000Z',
    });
  });

  test('by week: ISO weeks from Monday, each with its own percentiles', async () => {
    const metrics = await getCiMetrics(handle.db, project.id, { range: '7d', now, grain: 'week' });
    expect(metrics.grain).toBe('week');
    expect(metrics.periods).toEqual(['2026-03-02', '2026-03-09']);
    expect(metrics.workflows[0]!.points.map((point) => [point.period, point.runs])).toEqual([
      ['2026-03-02', 4],
      ['2026-03-09', 1],
    ]);
  });

  test('12 months are drawn by week whatever was asked, and reach the older run', async () => {
    const metrics = await getCiMetrics(handle.db, project.id, { range: '12m', now, grain: 'day' });
    expect(metrics.grain).toBe('week');
    expect(metrics.periods).toHaveLength(53);
    expect(metrics.workflows[0]!.points.map((point) => point.period)).toEqual([
      '2026-02-09',
      '2026-03-02',
      '2026-03-09',
    ]);
    expect(metrics.slowest[0]!.durationMs).toBe(999_000);
  });

  test('a project without runs has its periods and nothing else', async () => {
    const metrics = await getCiMetrics(handle.db, empty.id, { range: '30d', now });
    expect(metrics.periods).toHaveLength(30);
    expect(metrics.workflows).toEqual([]);
    expect(metrics.slowest).toEqual([]);
  });
});

describe('test series', () => {
  test('per day: pass rate, distinct flaky tests, mean coverage and suite size', async () => {
    const metrics = await getTestMetrics(handle.db, project.id, { range: '7d', now });
    expect(metrics.coverageThresholdPct).toBe(80);
    expect(metrics.periods).toHaveLength(7);
    expect(metrics.suites.map((series) => series.suite)).toEqual(['unit', 'integration']);
    expect(metrics.suites[0]!.points).toEqual([
      {
        period: '2026-03-08',
        runs: 2,
        passedRuns: 1,
        passRate: 0.5,
        flakyTests: 1,
        coveragePct: 81,
        cases: 12,
      },
      {
        period: '2026-03-09',
        runs: 1,
        passedRuns: 1,
        passRate: 1,
        flakyTests: 1,
        coveragePct: null,
        cases: 12,
      },
      {
        period: '2026-03-10',
        runs: 1,
        passedRuns: 1,
        passRate: 1,
        flakyTests: 2,
        coveragePct: 83.5,
        cases: 13,
      },
    ]);
    expect(metrics.suites[1]!.points).toEqual([
      expect.objectContaining({ period: '2026-03-10', coveragePct: 70, cases: 5 }),
    ]);
  });

  test('by week (12 months): runs and coverage add up, a week keeps its worst flaky day', async () => {
    const metrics = await getTestMetrics(handle.db, project.id, { range: '12m', now });
    expect(metrics.grain).toBe('week');
    expect(metrics.periods).toHaveLength(53);
    expect(metrics.suites[0]!.points).toEqual([
      expect.objectContaining({ period: '2026-03-02', runs: 2, passRate: 0.5, flakyTests: 1 }),
      {
        period: '2026-03-09',
        runs: 2,
        passedRuns: 2,
        passRate: 1,
        flakyTests: 2,
        coveragePct: 83.5,
        cases: 13,
      },
    ]);
  });

  test('a project without reports has its periods and no suite', async () => {
    const metrics = await getTestMetrics(handle.db, empty.id, { range: '90d', now });
    expect(metrics.periods).toHaveLength(90);
    expect(metrics.suites).toEqual([]);
  });
});
