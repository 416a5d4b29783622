import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { getCostOverview, listCostMonths } from '@/db/queries/costs';
import type { Environment, Project, PullRequest } from '@/db/schema';
import {
  createCostSamples,
  createEnvironment,
  createProject,
  createPullRequest,
} from '../support/factories';
import { createTestDatabase } from '../support/test-database';

let handle: DatabaseHandle;
let project: Project;
let production: Environment;
let preview: Environment;
let pullRequest: PullRequest;

const day = (n: number) => `2026-03-${String(n).padStart(2, '0')}`;

beforeAll(async () => {
  handle = await createTestDatabase();
  const { db } = handle;
  project = await createProject(db, { monthlyBudgetUsd: 100 });
  production = await createEnvironment(db, project, {
    kind: 'production',
    slug: 'production',
    name: 'Production',
  });
  pullRequest = await createPullRequest(db, project, { title: 'Faster search' });
  preview = await createEnvironment(db, project, {
    kind: 'preview',
    pullRequestId: pullRequest.id,
  });
  // February's last week at $2 a day, then March 1–10 at $4 a day split three ways.
  await createCostSamples(db, project, [
    ...[22, 23, 24, 25, 26, 27, 28].map((n) => ({ day: `2026-02-${n}`, amountUsd: 2 })),
    ...Array.from({ length: 10 }, (_, index) => [
      { day: day(index + 1), provider: 'vercel' as const, metric: 'seats', amountUsd: 2 },
      {
        day: day(index + 1),
        provider: 'neon' as const,
        metric: 'compute',
        amountUsd: 1,
        environmentId: production.id,
      },
      {
        day: day(index + 1),
        provider: 'neon' as const,
        metric: 'branches',
        amountUsd: 1,
        environmentId: preview.id,
        pullRequestId: pullRequest.id,
      },
    ]).flat(),
  ]);
  // Another project's spend never shows.
  const other = await createProject(db);
  await createCostSamples(db, other, [{ day: day(5), amountUsd: 500 }]);
});

afterAll(async () => {
  await handle?.close();
});

describe('getCostOverview', () => {
  test('sums the month to date and forecasts with the trailing 7-day average', async () => {
    const overview = await getCostOverview(handle.db, project.id, {
      now: new Date('2026-03-10T15:00:00Z'),
      budgetUsd: 100,
    });
    expect(overview.monthToDateUsd).toBe(40);
    expect(overview.lastDay).toBe(day(10));
    // 40 + $4/day × 21 days left
    expect(overview.forecastUsd).toBe(124);
    expect(overview.status).toBe('forecast-over');
    expect(overview.budgetUsedRatio).toBeCloseTo(0.4);
    expect(overview.inProgress).toBe(true);
  });

  test('breaks the month down by provider, metric, environment and pull request', async () => {
    const overview = await getCostOverview(handle.db, project.id, {
      now: new Date('2026-03-10T15:00:00Z'),
      budgetUsd: 100,
    });
    // Equal amounts keep the providers' usual order.
    expect(overview.byProvider).toEqual([
      { provider: 'vercel', amountUsd: 20 },
      { provider: 'neon', amountUsd: 20 },
    ]);
    expect(overview.byMetric.map((row) => [row.provider, row.metric, row.amountUsd])).toEqual([
      ['vercel', 'seats', 20],
      ['neon', 'branches', 10],
      ['neon', 'compute', 10],
    ]);
    expect(overview.byEnvironment.map((row) => [row.name, row.amountUsd])).toEqual(
      expect.arrayContaining([
        ['Shared', 20],
        ['Production', 10],
        [preview.name, 10],
      ]),
    );
    expect(overview.byPullRequest).toEqual([
      expect.objectContaining({
        number: pullRequest.number,
        title: 'Faster search',
        amountUsd: 10,
      }),
    ]);
  });

  test('lists every day of the month so far, split by provider, and no day of the month before', async () => {
    const overview = await getCostOverview(handle.db, project.id, {
      now: new Date('2026-03-04T09:00:00Z'),
      budgetUsd: 100,
    });
    expect(overview.daily.map((row) => row.day)).toEqual([day(1), day(2), day(3), day(4)]);
    expect(overview.daily[0]).toEqual({
      day: day(1),
      totalUsd: 4,
      byProvider: { vercel: 2, neon: 2, github: 0, monitoring: 0 },
    });
    expect(overview.monthToDateUsd).toBe(16);
  });

  test('on the 1st, the run rate reaches back into the previous month', async () => {
    const overview = await getCostOverview(handle.db, project.id, {
      now: new Date('2026-03-01T06:00:00Z'),
      budgetUsd: 100,
    });
    // March 1 ($4) plus Feb 23–28 ($2 each) average to 16/7 a day, for the 30 days left.
    expect(overview.monthToDateUsd).toBe(4);
    expect(overview.forecastUsd).toBeCloseTo(4 + (16 / 7) * 30, 2);
  });

  test('a finished month reports its total as final and is under budget', async () => {
    const overview = await getCostOverview(handle.db, project.id, {
      now: new Date('2026-04-20T00:00:00Z'),
      budgetUsd: 100,
      month: '2026-02',
    });
    expect(overview.inProgress).toBe(false);
    expect(overview.monthToDateUsd).toBe(14);
    expect(overview.forecastUsd).toBe(14);
    expect(overview.status).toBe('under');
  });

  test('spend past the budget is over budget, whatever the forecast', async () => {
    const overview = await getCostOverview(handle.db, project.id, {
      now: new Date('2026-03-10T15:00:00Z'),
      budgetUsd: 30,
    });
    expect(overview.status).toBe('over');
  });

  test('a month without samples is empty, not an error', async () => {
    const overview = await getCostOverview(handle.db, project.id, {
      now: new Date('2026-03-10T15:00:00Z'),
      budgetUsd: 100,
      month: '2025-12',
    });
    expect(overview).toMatchObject({ monthToDateUsd: 0, forecastUsd: 0, lastDay: null, daily: [] });
    expect(overview.byEnvironment).toEqual([]);
  });
});

describe('listCostMonths', () => {
  test('runs from the first recorded month to the current one, newest first', async () => {
    expect(
      await listCostMonths(handle.db, project.id, { now: new Date('2026-05-02T00:00:00Z') }),
    ).toEqual(['2026-05', '2026-04', '2026-03', '2026-02']);
  });

  test('is just the current month for a project without costs', async () => {
    const empty = await createProject(handle.db);
    expect(
      await listCostMonths(handle.db, empty.id, { now: new Date('2026-05-02T00:00:00Z') }),
    ).toEqual(['2026-05']);
  });
});
