import 'server-only';
import { sql } from 'drizzle-orm';
import { addDays, isoDay } from '@/lib/domain/chart-range';
import { monthRange, monthOf } from '@/lib/domain/costs';
import { cumulative, type DayValue, type OverviewTrends } from '@/lib/domain/overview-trends';
import { uptimePct } from '@/lib/domain/uptime';
import type { Database } from '../client';
import { getUptimeDays } from '../rollups/uptime-days';
import { getActiveEnvironmentOfKind } from './environment-of-kind';
import { rowsOf } from './rows';

export const UPTIME_SPARK_DAYS = 7;
export const DEPLOYMENT_SPARK_DAYS = 14;

function daysFrom(first: string, last: string): string[] {
  const days: string[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) days.push(day);
  return days;
}

function fill(days: readonly string[], rows: readonly { day: string; value: unknown }[]) {
  const byDay = new Map(rows.map((row) => [String(row.day).slice(0, 10), row.value]));
  return days.map((day): DayValue => ({
    day,
    value: byDay.has(day) && byDay.get(day) !== null ? Number(byDay.get(day)) : null,
  }));
}

/**
 * The overview's three sparklines, from the daily rollups only: a range of
 * cost_samples_project_day_idx (costs are already daily), production's closed days of
 * uptime_daily plus today's checks, and a range of deployment_daily_project_day_idx. O(days)
 * rows each.
 */
export async function getOverviewTrends(
  db: Database,
  project: { id: number; monthlyBudgetUsd: number; uptimeSloPct: number },
  { now }: { now: Date },
): Promise<OverviewTrends> {
  const today = isoDay(now);
  const monthStart = monthRange(monthOf(now)).start;
  const uptimeDays = daysFrom(addDays(today, 1 - UPTIME_SPARK_DAYS), today);
  const deploymentDays = daysFrom(addDays(today, 1 - DEPLOYMENT_SPARK_DAYS), today);
  const [cost, uptime, deployments] = await Promise.all([
    db.execute(sql`
      select day::text as day, sum(amount_usd)::float8 as value
      from cost_samples
      where project_id = ${project.id} and day between ${monthStart} and ${today}
      group by day
    `),
    productionUptime(db, project.id, now),
    db.execute(sql`
      select day::text as day, sum(deployments)::int as value
      from deployment_daily
      where project_id = ${project.id} and day between ${deploymentDays[0]!} and ${today}
      group by day
    `),
  ]);
  type Row = { day: string; value: unknown };
  return {
    cost: {
      budgetUsd: Number(project.monthlyBudgetUsd),
      days: cumulative(fill(daysFrom(monthStart, today), rowsOf<Row>(cost))),
    },
    uptime: { sloPct: Number(project.uptimeSloPct), days: fill(uptimeDays, uptime) },
    deployments: {
      // A day without a rollup row had no deployments.
      days: fill(deploymentDays, rowsOf<Row>(deployments)).map((day) => ({
        ...day,
        value: day.value ?? 0,
      })),
    },
  };
}

/** Production's availability by day: closed days from the rollup, today live (getUptimeDays). */
async function productionUptime(
  db: Database,
  projectId: number,
  now: Date,
): Promise<{ day: string; value: number | null }[]> {
  const production = await getActiveEnvironmentOfKind(db, projectId, 'production');
  if (!production) return [];
  const days = await getUptimeDays(db, projectId, {
    now,
    days: UPTIME_SPARK_DAYS,
    environmentId: production.id,
  });
  return days.map((day) => ({ day: day.day, value: uptimePct(day.okChecks, day.checks) }));
}
