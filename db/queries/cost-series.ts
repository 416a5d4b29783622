import 'server-only';
import { and, between, desc, eq, sql } from 'drizzle-orm';
import {
  addDays,
  type ChartRange,
  isoDay,
  rangeDayList,
  rangeGrain,
} from '@/lib/domain/chart-range';
import {
  anomaliesIn,
  budgetPace,
  type CostSeries,
  costPeriods,
  fillDays,
  monthlyTotals,
  monthSpend,
} from '@/lib/domain/cost-series';
import { ANOMALY_WINDOW_DAYS, monthOf, monthRange, monthToDate } from '@/lib/domain/costs';
import type { Database } from '../client';
import { compiledStatement, type RowOf } from '../compiled-statement';
import { costSamples, environments, pullRequests } from '../schema';
import { costsByEnvironment, dailyCosts, groupDays } from './costs';

/** How many environments and pull requests the "top" charts rank. */
export const TOP_COST_ROWS = 8;

const amount = sql<number>`coalesce(sum(${costSamples.amountUsd}), 0)`.mapWith(Number);

// Served by cost_samples_project_day_idx: one project's days in the range, nothing older.
const costsByPullRequestQuery = (db: Database) =>
  db
    .select({
      pullRequestId: pullRequests.id,
      number: pullRequests.number,
      title: pullRequests.title,
      slug: sql<string | null>`max(${environments.slug})`,
      amountUsd: amount,
    })
    .from(costSamples)
    .innerJoin(pullRequests, eq(pullRequests.id, costSamples.pullRequestId))
    .leftJoin(environments, eq(environments.id, costSamples.environmentId))
    .where(
      and(
        eq(costSamples.projectId, sql.placeholder('projectId')),
        between(costSamples.day, sql.placeholder('from'), sql.placeholder('to')),
      ),
    )
    .groupBy(pullRequests.id)
    .orderBy(desc(amount), desc(pullRequests.number))
    .limit(TOP_COST_ROWS);
const costsByPullRequest =
  compiledStatement<RowOf<typeof costsByPullRequestQuery>>(costsByPullRequestQuery);

/**
 * The Costs charts for a range ending today: spend per day (or week) by provider with its
 * anomalies, this month's cumulative spend and forecast, 12 monthly totals, and the costliest
 * environments and pull requests. One read of daily totals by provider covers every series: it
 * spans the range, the anomaly window before it and the 12 months, on (project_id, day).
 */
export async function getCostSeries(
  db: Database,
  projectId: number,
  { now, range, budgetUsd }: { now: Date; range: ChartRange; budgetUsd: number },
): Promise<CostSeries> {
  const today = isoDay(now);
  const from = rangeDayList(range, now)[0]!;
  const month = monthRange(monthOf(now));
  const twelveMonthsStart = monthlyTotals([], month.month)[0]!.month + '-01';
  const readFrom = [addDays(from, -ANOMALY_WINDOW_DAYS), twelveMonthsStart].sort()[0]!;
  const [dailyRows, environmentRows, pullRequestRows] = await Promise.all([
    dailyCosts(db, { projectId, from: readFrom, to: today }),
    costsByEnvironment(db, { projectId, from, to: today }),
    costsByPullRequest(db, { projectId, from, to: today }),
  ]);
  const days = groupDays(dailyRows);
  const grain = rangeGrain(range);
  return {
    range,
    grain,
    from,
    to: today,
    budgetUsd,
    budgetPaceUsd: budgetPace(budgetUsd, month, grain),
    periods: costPeriods(days, range, now),
    anomalies: anomaliesIn(fillDays(days, addDays(from, -ANOMALY_WINDOW_DAYS), today), from),
    month: monthSpend(days, month, monthToDate(days, month, true), budgetUsd),
    monthly: monthlyTotals(days, month.month),
    // Shared costs belong to no environment, so they have no place among environments.
    topEnvironments: environmentRows
      .filter((row) => row.environmentId !== null && row.amountUsd > 0)
      .slice(0, TOP_COST_ROWS),
    topPullRequests: pullRequestRows.filter((row) => row.amountUsd > 0),
  };
}
