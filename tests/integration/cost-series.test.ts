import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { listCostLines } from '@/db/queries/cost-lines';
import { getCostSeries } from '@/db/queries/cost-series';
import type { Environment, Project, PullRequest } from '@/db/schema';
import { addDays } from '@/lib/domain/chart-range';
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

const now = new Date('2026-03-10T15:00:00Z');
const march = (n: number) => `2026-03-${String(n).padStart(2, '0')}`;

beforeAll(async () => {
  handle = await createTestDatabase();
  const { db } = handle;
  // $93 over March's 31 days: a pace of $3 a day.
  project = await createProject(db, { monthlyBudgetUsd: 93 });
  production = await createEnvironment(db, project, { kind: 'production', name: 'Production' });
  pullRequest = await createPullRequest(db, project, { title: 'Faster search' });
  preview = await createEnvironment(db, project, {
    kind: 'preview',
    name: 'Preview search',
    pullRequestId: pullRequest.id,
  });
  // A year ago, outside every range and every monthly total.
  // February's last week at $2 a day; March 1–10 at $4 a day split three ways, and on the 8th
  // the preview runs away with $30 more.
  await createCostSamples(db, project, [
    { day: '2025-02-15', amountUsd: 500 },
    ...Array.from({ length: 7 }, (_, index) => ({
      day: addDays('2026-02-22', index),
      amountUsd: 2,
    })),
    ...Array.from({ length: 10 }, (_, index) => [
      { day: march(index + 1), provider: 'vercel' as const, metric: 'seats', amountUsd: 2 },
      {
        day: march(index + 1),
        provider: 'neon' as const,
        metric: 'compute',
        amountUsd: 1,
        environmentId: production.id,
      },
      {
        day: march(index + 1),
        provider: 'neon' as const,
        metric: 'branches',
        amountUsd: 1,
        environmentId: preview.id,
        pullRequestId: pullRequest.id,
      },
    ]).flat(),
    {
      day: march(8),
      provider: 'neon',
      metric: 'compute',
      amountUsd: 30,
      environmentId: preview.id,
      pullRequestId: pullRequest.id,
    },
  ]);
  const other = await createProject(db);
  await createCostSamples(db, other, [{ day: march(8), amountUsd: 500 }]);
});

afterAll(async () => {
  await handle?.close();
});

describe('getCostSeries', () => {
  test('gives each day of the range by provider, with the budget pace', async () => {
    const series = await getCostSeries(handle.db, project.id, { now, range: '7d', budgetUsd: 93 });
    expect(series).toMatchObject({ grain: 'day', from: march(4), to: march(10), budgetPaceUsd: 3 });
    expect(series.periods.map((row) => row.totalUsd)).toEqual([4, 4, 4, 4, 34, 4, 4]);
    expect(series.periods[4]).toEqual({
      period: march(8),
      totalUsd: 34,
      byProvider: { vercel: 2, neon: 32, github: 0, monitoring: 0 },
    });
  });

  test('marks the runaway day against the median of the 7 days before it, and no other', async () => {
    for (const range of ['7d', '30d'] as const) {
      const series = await getCostSeries(handle.db, project.id, { now, range, budgetUsd: 93 });
      expect(series.anomalies).toEqual([{ day: march(8), totalUsd: 34, medianUsd: 4, ratio: 8.5 }]);
    }
  });

  test('draws the month to date and the forecast the overview reports', async () => {
    const { month } = await getCostSeries(handle.db, project.id, {
      now,
      range: '30d',
      budgetUsd: 93,
    });
    // 9 × $4 + $34; the run rate is the mean of March 4–10, $58 / 7, for 21 more days.
    expect(month).toMatchObject({ month: '2026-03', monthToDateUsd: 70, forecastUsd: 244 });
    expect(month.lastDay).toBe(march(10));
    expect(month.days).toHaveLength(31);
    expect(month.days[9]).toEqual({ day: march(10), actualUsd: 70, forecastUsd: 70 });
    expect(month.days.at(-1)!.forecastUsd).toBe(244);
    // 70 + 58/7 × 3 = 94.86 passes $93 on the 13th.
    expect(month.overBudgetFrom).toBe(march(13));
  });

  test('sums weeks for 12 months, and the 12 monthly totals', async () => {
    const series = await getCostSeries(handle.db, project.id, { now, range: '12m', budgetUsd: 93 });
    expect(series.grain).toBe('week');
    expect(series.budgetPaceUsd).toBe(21);
    expect(series.periods.at(-1)).toMatchObject({ period: '2026-03-09', totalUsd: 8 });
    expect(series.periods.reduce((sum, row) => sum + row.totalUsd, 0)).toBe(84);
    expect(series.monthly).toHaveLength(12);
    expect(series.monthly.at(-1)).toEqual({ month: '2026-03', totalUsd: 70 });
    expect(series.monthly.at(-2)).toEqual({ month: '2026-02', totalUsd: 14 });
    expect(series.monthly[0]).toEqual({ month: '2025-04', totalUsd: 0 });
  });

  test('ranks the costliest environments and pull requests of the range', async () => {
    const series = await getCostSeries(handle.db, project.id, { now, range: '7d', budgetUsd: 93 });
    expect(series.topEnvironments.map((row) => [row.name, row.amountUsd])).toEqual([
      ['Preview search', 37],
      ['Production', 7],
    ]);
    expect(series.topPullRequests).toEqual([
      {
        pullRequestId: pullRequest.id,
        number: pullRequest.number,
        title: 'Faster search',
        slug: preview.slug,
        amountUsd: 37,
      },
    ]);
  });

  test('is zeros and nothing to rank for a project without costs', async () => {
    const empty = await createProject(handle.db);
    const series = await getCostSeries(handle.db, empty.id, { now, range: '30d', budgetUsd: 100 });
    expect(series.periods).toHaveLength(30);
    expect(series.periods.every((row) => row.totalUsd === 0)).toBe(true);
    expect(series.anomalies).toEqual([]);
    expect(series.month).toMatchObject({ monthToDateUsd: 0, forecastUsd: 0, lastDay: null });
    expect(series.month.overBudgetFrom).toBeNull();
    expect(series.monthly.every((row) => row.totalUsd === 0)).toBe(true);
    expect(series.topEnvironments).toEqual([]);
    expect(series.topPullRequests).toEqual([]);
  });
});

describe('listCostLines', () => {
  test('lists the lines behind one day, costliest first', async () => {
    const lines = await listCostLines(handle.db, project.id, { from: march(8), to: march(8) });
    expect(
      lines.map((row) => [row.provider, row.metric, row.environmentName, row.amountUsd]),
    ).toEqual([
      ['neon', 'compute', 'Preview search', 30],
      ['vercel', 'seats', 'Shared', 2],
      ['neon', 'branches', 'Preview search', 1],
      ['neon', 'compute', 'Production', 1],
    ]);
    expect(lines[0]!.pullRequestNumber).toBe(pullRequest.number);
  });

  test('sums a week of lines by metric and environment', async () => {
    const lines = await listCostLines(handle.db, project.id, { from: march(2), to: march(8) });
    const seats = lines.find((row) => row.metric === 'seats');
    expect(seats).toMatchObject({ amountUsd: 14, quantity: 7, environmentSlug: null });
  });
});
