import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { getOverviewTrends } from '@/db/queries/overview-trends';
import { refreshAllRollups } from '@/db/rollups/refresh';
import {
  createCostSamples,
  createDeployments,
  createEnvironment,
  createProject,
  createUptimeChecks,
  HOUR,
} from '../support/factories';
import { createTestDatabase } from '../support/test-database';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});

const utc = (iso: string) => new Date(`${iso}Z`);
/** Thursday 3 December 2026, 18:00 UTC. */
const NOW = utc('2026-12-03T18:00:00');

describe('getOverviewTrends', () => {
  test('reads spend this month, production uptime and deployments a day from the rollups', async () => {
    const project = await createProject(handle.db, { monthlyBudgetUsd: 50, uptimeSloPct: 99.9 });
    const production = await createEnvironment(handle.db, project, { kind: 'production' });
    const staging = await createEnvironment(handle.db, project, { kind: 'staging' });
    await createCostSamples(handle.db, project, [
      { day: '2026-11-30', amountUsd: 40 },
      { day: '2026-12-01', amountUsd: 2 },
      { day: '2026-12-01', amountUsd: 1, provider: 'neon' },
      { day: '2026-12-03', amountUsd: 1.25 },
    ]);
    // Production: 4 checks on the 2nd, one failing; 2 healthy ones on the 3rd.
    await createUptimeChecks(handle.db, production, {
      from: utc('2026-12-02T00:00:00'),
      count: 4,
      everyMs: HOUR,
      failing: [1],
    });
    await createUptimeChecks(handle.db, production, {
      from: utc('2026-12-03T00:00:00'),
      count: 2,
      everyMs: HOUR,
    });
    // Staging's failures are not production's uptime.
    await createUptimeChecks(handle.db, staging, {
      from: utc('2026-12-03T00:00:00'),
      count: 2,
      everyMs: HOUR,
      failing: [0, 1],
    });
    await createDeployments(handle.db, staging, [
      { providerCreatedAt: utc('2026-12-02T10:00:00') },
      { providerCreatedAt: utc('2026-12-03T10:00:00') },
    ]);
    await createDeployments(handle.db, production, [
      { providerCreatedAt: utc('2026-12-03T11:00:00') },
      { providerCreatedAt: utc('2026-11-01T11:00:00') },
    ]);
    await refreshAllRollups(handle.db, project.id);

    const trends = await getOverviewTrends(handle.db, project, { now: NOW });
    expect(trends.cost).toEqual({
      budgetUsd: 50,
      days: [
        { day: '2026-12-01', value: 3 },
        { day: '2026-12-02', value: 3 },
        { day: '2026-12-03', value: 4.25 },
      ],
    });
    expect(trends.uptime.sloPct).toBe(99.9);
    expect(trends.uptime.days.map((day) => day.value)).toEqual([
      null,
      null,
      null,
      null,
      null,
      75,
      100,
    ]);
    expect(trends.deployments.days).toHaveLength(14);
    expect(trends.deployments.days.slice(-3).map((day) => day.value)).toEqual([0, 1, 2]);
  });

  test('an empty project has flat zero spend and deployments and no uptime', async () => {
    const project = await createProject(handle.db);
    const trends = await getOverviewTrends(handle.db, project, { now: NOW });
    expect(trends.cost.days.map((day) => day.value)).toEqual([0, 0, 0]);
    expect(trends.uptime.days.every((day) => day.value === null)).toBe(true);
    expect(trends.deployments.days.every((day) => day.value === 0)).toBe(true);
  });
});
