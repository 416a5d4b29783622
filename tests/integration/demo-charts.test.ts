import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { rowsOf } from '@/db/queries/rows';
import { seedDemo } from '@/db/seed';
import { backfillRollups } from '../support/rollups';
import { createTestDatabase } from '../support/test-database';

/*
 * A fresh demo, read the way the charts read it: from the daily rollups (and the daily cost
 * samples). Every series has data over the 90 days and shows its story.
 */
const now = new Date('2026-12-07T00:35:00Z');
const DAY = 86_400_000;
const dayOf = (daysAgo: number) =>
  new Date(now.getTime() - daysAgo * DAY).toISOString().slice(0, 10);
// Seeding writes ~180k rows; a loaded two-core runner needs more than the default timeout.
const SEEDING = 180_000;

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemo(handle.db, { now });
  await backfillRollups(handle.db);
}, SEEDING);

afterAll(async () => handle?.close());

async function rows<Row>(query: SQL): Promise<Row[]> {
  return rowsOf<Row>(await handle.db.execute(query));
}

describe('the demo through the daily rollups', () => {
  test('has 90 days of uptime for production, with exactly the two incident days below 100 %', async () => {
    const days = await rows<{ days: number; dips: number }>(sql`
      select count(*)::int as days, (count(*) filter (where ok_checks < checks))::int as dips
      from uptime_daily u join environments e on e.id = u.environment_id
      where e.slug = 'production'`);
    expect(days[0]!.days).toBeGreaterThanOrEqual(90);
    expect(days[0]!.dips).toBe(2);
  });

  test('deploys on weekdays far more than at weekends, and promotes more in the last month', async () => {
    // Over calendar days, so a weekend with no deployment at all counts as a zero.
    const [weekdays, weekends] = await rows<{ weekend: boolean; per_day: number }>(sql`
      with days as (
        select d::date as day from generate_series(${dayOf(89)}::date, ${dayOf(1)}::date, '1 day') d
      )
      select extract(isodow from days.day) >= 6 as weekend,
        coalesce(sum(dd.deployments), 0)::float / count(distinct days.day) as per_day
      from days left join deployment_daily dd on dd.day = days.day
      group by 1 order by 1`);
    expect(weekdays!.per_day).toBeGreaterThan(4 * weekends!.per_day);
    const [promotions] = await rows<{ first: number; last: number }>(sql`
      select (sum(promotions) filter (where day < ${dayOf(60)}::date))::int as first,
        (sum(promotions) filter (where day >= ${dayOf(30)}::date))::int as last
      from deployment_daily`);
    expect(promotions!.last).toBeGreaterThan(2 * promotions!.first);
  });

  test('has one week of CI slower than the weeks around it', async () => {
    const weeks = await rows<{ starts_on: string; p50: number; queue: number }>(sql`
      select starts_on::text, duration_p50_ms as p50, queue_p50_ms as queue from ci_rollups
      where period = 'week' order by starts_on`);
    const slowest = weeks.reduce((a, b) => (b.p50 > a.p50 ? b : a));
    const index = weeks.indexOf(slowest);
    for (const neighbour of [weeks[index - 1]!, weeks[index + 1]!]) {
      expect(slowest.p50).toBeGreaterThan(1.3 * neighbour.p50);
      expect(slowest.queue).toBeGreaterThan(2 * neighbour.queue);
    }
    expect(slowest.starts_on >= dayOf(35)).toBe(true);
  });

  test('creeps up in coverage and test count, and has flaky tests in the record', async () => {
    const suites = await rows<{ suite: string; first: number; last: number; grew: boolean }>(sql`
      select suite,
        sum(coverage_sum_pct) filter (where day < ${dayOf(76)}::date) / nullif(sum(coverage_runs) filter (where day < ${dayOf(76)}::date), 0) as first,
        sum(coverage_sum_pct) filter (where day >= ${dayOf(14)}::date) / nullif(sum(coverage_runs) filter (where day >= ${dayOf(14)}::date), 0) as last,
        max(max_cases) filter (where day >= ${dayOf(14)}::date) > max(max_cases) filter (where day < ${dayOf(76)}::date) as grew
      from test_daily group by suite order by suite`);
    expect(suites.map((s) => s.suite)).toEqual(['e2e', 'integration', 'unit']);
    for (const suite of suites) {
      expect(suite.grew).toBe(true);
      if (suite.suite !== 'e2e')
        expect(Number(suite.last)).toBeGreaterThan(Number(suite.first) + 4);
    }
    const [flaky] = await rows<{ days: number }>(sql`
      select count(*)::int as days from test_daily where suite = 'e2e' and flaky_tests > 0`);
    expect(flaky!.days).toBeGreaterThan(20);
  });

  test('spikes in cost on the days a preview ran away, billed to it', async () => {
    const days = await rows<{ day: string; total: number; top: string }>(sql`
      with spend as (select day, sum(amount_usd)::float as total from cost_samples group by day),
      top as (
        select distinct on (c.day) c.day, e.slug from cost_samples c
        join environments e on e.id = c.environment_id
        group by c.day, e.slug order by c.day, sum(c.amount_usd) desc
      )
      select s.day::text, s.total, t.slug as top from spend s join top t on t.day = s.day order by s.day`);
    expect(days).toHaveLength(90);
    const spikes = days.slice(7).filter((day, index) => {
      const trailing = days
        .slice(index, index + 7)
        .map((d) => d.total)
        .sort((a, b) => a - b);
      return day.total > 2 * trailing[3]!;
    });
    expect(spikes.length).toBeGreaterThanOrEqual(1);
    for (const spike of spikes) expect(spike.top).toMatch(/^pr-\d+$/);
    expect(new Set(spikes.map((spike) => spike.top)).size).toBe(1);
  });
});
