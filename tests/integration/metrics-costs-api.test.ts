import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GET as costs } from '@/app/api/v1/metrics/costs/route';
import type { DatabaseHandle } from '@/db/client';
import { addDays, isoDay } from '@/lib/domain/chart-range';
import { createCostSamples, createEnvironment, createProject } from '../support/factories';
import { getWithCookie, signedInMember } from '../support/session';
import { createTestDatabase } from '../support/test-database';

/** The route handlers use the process-wide handle; point it at this file's test database. */
const processCache = globalThis as unknown as { envboardDatabase?: DatabaseHandle };
let handle: DatabaseHandle;
let cookie: string;
// The route reads the real clock: the history is laid out backwards from today.
const today = isoDay(new Date());

beforeAll(async () => {
  handle = await createTestDatabase();
  processCache.envboardDatabase = handle;
  const project = await createProject(handle.db, { monthlyBudgetUsd: 100 });
  ({ cookie } = await signedInMember(handle.db, project, 'viewer'));
  const staging = await createEnvironment(handle.db, project, { kind: 'staging', name: 'Staging' });
  await createCostSamples(handle.db, project, [
    { day: today, provider: 'vercel', amountUsd: 3 },
    { day: addDays(today, -1), provider: 'neon', amountUsd: 5, environmentId: staging.id },
    { day: addDays(today, -20), provider: 'github', amountUsd: 7 },
  ]);
});

afterAll(async () => {
  processCache.envboardDatabase = undefined;
  await handle?.close();
});

describe('GET /api/v1/metrics/costs', () => {
  test('refuses a request without a session', async () => {
    const response = await costs(getWithCookie('/api/v1/metrics/costs'));
    expect(response.status).toBe(401);
  });

  test('answers a viewer with 30 days by provider by default', async () => {
    const response = await costs(getWithCookie('/api/v1/metrics/costs', cookie));
    expect(response.status).toBe(200);
    const { data } = await response.json();
    expect(data).toMatchObject({ range: '30d', grain: 'day', to: today, budgetUsd: 100 });
    expect(data.periods).toHaveLength(30);
    expect(data.periods.at(-1)).toEqual({
      period: today,
      totalUsd: 3,
      byProvider: { vercel: 3, neon: 0, github: 0, monitoring: 0 },
    });
    expect(
      data.periods.reduce((sum: number, row: { totalUsd: number }) => sum + row.totalUsd, 0),
    ).toBe(15);
    expect(data.monthly).toHaveLength(12);
    expect(data.month.days.length).toBeGreaterThanOrEqual(28);
    expect(data.topEnvironments).toEqual([
      expect.objectContaining({ name: 'Staging', amountUsd: 5 }),
    ]);
    expect(data.anomalies).toEqual([]);
  });

  test('follows the range: 7 days, or weeks for 12 months', async () => {
    const week = (
      await (await costs(getWithCookie('/api/v1/metrics/costs?range=7d', cookie))).json()
    ).data;
    expect(week.periods).toHaveLength(7);
    expect(
      week.periods.reduce((sum: number, row: { totalUsd: number }) => sum + row.totalUsd, 0),
    ).toBe(8);
    const year = (
      await (await costs(getWithCookie('/api/v1/metrics/costs?range=12m', cookie))).json()
    ).data;
    expect(year.grain).toBe('week');
    expect(year.periods.length).toBeGreaterThanOrEqual(52);
    expect(new Date(`${year.periods[1].period}T00:00:00Z`).getUTCDay()).toBe(1);
  });

  test('refuses an unknown range with 400', async () => {
    const response = await costs(getWithCookie('/api/v1/metrics/costs?range=1w', cookie));
    expect(response.status).toBe(400);
    expect((await response.json()).error.issues[0].path).toBe('range');
  });
});
