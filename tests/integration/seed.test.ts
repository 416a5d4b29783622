import { count, eq, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { firstRow } from '@/db/migrate';
import { listOperations } from '@/db/queries/audit';
import { getCostOverview } from '@/db/queries/costs';
import { getEnvironmentTimeline } from '@/db/queries/environment-timeline';
import { getReleaseComparison } from '@/db/queries/overview';
import { utcDay } from '@/db/rollups/refresh';
import { getCurrentProject } from '@/db/queries/project';
import {
  approvals,
  deployments,
  environments,
  operations,
  projects,
  pullRequests,
  testCases,
  testRuns,
  uptimeChecks,
} from '@/db/schema';
import { type SeedSummary, seedDemo } from '@/db/seed';
import { expectedRollups } from '../support/rollup-oracle';
import { rollupDifferences, rollupSizes, storedRollups } from '../support/rollup-tables';
import { createTestDatabase } from '../support/test-database';

const now = new Date(Date.UTC(2026, 10, 20, 12, 0));
// Seeding writes ~180k rows; a loaded two-core runner needs more than the default timeout.
const SEEDING = 180_000;

let handle: DatabaseHandle;
let summary: SeedSummary;

beforeAll(async () => {
  handle = await createTestDatabase();
  summary = await seedDemo(handle.db, { now });
}, SEEDING);

afterAll(async () => handle?.close());

async function tableCount(table: PgTable): Promise<number> {
  const [row] = await handle.db.select({ rows: count() }).from(table);
  return row!.rows;
}

describe('the demo seed, written through the write functions', () => {
  test('stores exactly what it reports', async () => {
    expect(await tableCount(deployments)).toBe(summary.deployments);
    expect(await tableCount(testRuns)).toBe(summary.testRuns);
    expect(await tableCount(testCases)).toBe(summary.testCases);
    expect(await tableCount(uptimeChecks)).toBe(summary.uptimeChecks);
    expect(await tableCount(operations)).toBe(summary.operations);
    expect(await tableCount(approvals)).toBe(summary.approvals);
  });

  test('writes the past operations to the audit log: promotions with their approvals, rollbacks, preview deletions', async () => {
    const project = (await getCurrentProject(handle.db))!;
    const entries = async (filters: Parameters<typeof listOperations>[2]) =>
      (await listOperations(handle.db, project.id, filters, { limit: 200 })).rows;
    const promotes = await entries({ action: 'promote' });
    expect(promotes.length).toBe(summary.approvals);
    expect(await entries({ action: 'approve' })).toHaveLength(summary.approvals);
    expect(await entries({ action: 'rollback' })).toHaveLength(2);
    expect(await entries({ action: 'delete' })).toHaveLength(62);
    // The newest promote is what production serves now.
    const [production] = await handle.db
      .select({ currentDeploymentId: environments.currentDeploymentId })
      .from(environments)
      .where(eq(environments.slug, 'production'));
    expect(promotes[0]!.after?.productionDeploymentId).toBe(production!.currentDeploymentId);
    // Filtering by a release manager finds the promotions they approved.
    const approvedBySofia = await entries({ actor: 'sofia-reyes', action: 'approve' });
    expect(approvedBySofia.length).toBeGreaterThan(0);
    expect(approvedBySofia.every((entry) => entry.actorLogin === 'sofia-reyes')).toBe(true);
  });

  test("shows the operations on production's timeline", async () => {
    const project = (await getCurrentProject(handle.db))!;
    const [production] = await handle.db
      .select()
      .from(environments)
      .where(eq(environments.slug, 'production'));
    const timeline = await getEnvironmentTimeline(handle.db, project.id, production!, {
      range: '90d',
      now,
    });
    const lane = timeline.events.filter((event) => event.lane === 'operation');
    expect(lane.some((event) => event.status === 'succeeded')).toBe(true);
    expect(lane.length).toBeGreaterThan(10);
  });

  test('makes one project with ~10 open previews and production, staging, development', async () => {
    const project = await getCurrentProject(handle.db);
    expect(project).toBeDefined();
    const open = await handle.db
      .select({ rows: count() })
      .from(pullRequests)
      .where(eq(pullRequests.state, 'open'));
    expect(open[0]!.rows).toBeGreaterThanOrEqual(8);
    expect(open[0]!.rows).toBeLessThanOrEqual(12);
    const kinds = await handle.db
      .selectDistinct({ kind: environments.kind })
      .from(environments)
      .where(eq(environments.status, 'active'));
    expect(kinds.map(({ kind }) => kind).sort()).toEqual([
      'development',
      'preview',
      'production',
      'staging',
    ]);
  });

  test('gives every active environment the deployment it serves', async () => {
    const unserved = await handle.db.execute(sql`
      select count(*)::int as unserved from environments
      where status = 'active' and current_deployment_id is null`);
    expect(Number(firstRow(unserved)?.unserved)).toBe(0);
  });

  test('reads back through the board queries: staging ahead, cost within the budget band', async () => {
    const project = (await getCurrentProject(handle.db))!;
    const release = await getReleaseComparison(handle.db, project.id);
    expect(release.production?.current).toBeTruthy();
    expect(release.staging?.current).toBeTruthy();
    expect(release.stagingAhead).not.toBeNull();
    const lastMonth = await getCostOverview(handle.db, project.id, {
      now,
      budgetUsd: project.monthlyBudgetUsd,
      month: '2026-10',
    });
    expect(lastMonth.monthToDateUsd).toBeGreaterThan(70);
    expect(lastMonth.monthToDateUsd).toBeLessThan(90);
  });

  test(
    'seeding again replaces the demo history instead of doubling it',
    async () => {
      await seedDemo(handle.db, { now });
      expect(await tableCount(projects)).toBe(1);
      expect(await tableCount(deployments)).toBe(summary.deployments);
      expect(await tableCount(testCases)).toBe(summary.testCases);
    },
    SEEDING,
  );

  test("leaves every rollup equal to its raw rows, today's uptime live", async () => {
    const stored = await storedRollups(handle.db);
    const expected = await expectedRollups(handle.db, { uptimeBefore: utcDay(now) });
    expect(rollupDifferences(expected, stored)).toEqual([]);
    const sizes = rollupSizes(stored);
    for (const table of ['uptime', 'deployments', 'tests', 'ci'] as const) {
      expect(sizes[table], table).toBeGreaterThan(10);
    }
  });
});
