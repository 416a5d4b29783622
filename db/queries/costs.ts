import 'server-only';
import { and, asc, between, desc, eq, isNotNull, max, min, sql } from 'drizzle-orm';
import {
  addDays,
  budgetStatus,
  COST_PROVIDERS,
  type CostDay,
  type CostOverview,
  type CostProvider,
  monthOf,
  monthRange,
  monthsBetween,
  monthToDate,
  roundCents,
  RUN_RATE_DAYS,
  sum,
} from '@/lib/domain/costs';
import type { Database } from '../client';
import { compiledStatement, type RowOf } from '../compiled-statement';
import { costSamples, environments, pullRequests } from '../schema';

export interface CostOverviewOptions {
  now: Date;
  budgetUsd: number;
  /** `YYYY-MM`; the month of `now` when absent. */
  month?: string;
}

const amount = sql<number>`coalesce(sum(${costSamples.amountUsd}), 0)`.mapWith(Number);

// The cost overview is read on every visit to the Costs page and the overview: its four
// statements are built once, over a project and an inclusive range of days.
const inRange = and(
  eq(costSamples.projectId, sql.placeholder('projectId')),
  between(costSamples.day, sql.placeholder('from'), sql.placeholder('to')),
);

const dailyCostsQuery = (db: Database) =>
  db
    .select({ day: costSamples.day, provider: costSamples.provider, amountUsd: amount })
    .from(costSamples)
    .where(inRange)
    .groupBy(costSamples.day, costSamples.provider)
    .orderBy(asc(costSamples.day));
export const dailyCosts = compiledStatement<RowOf<typeof dailyCostsQuery>>(dailyCostsQuery);

const costsByMetricQuery = (db: Database) =>
  db
    .select({
      provider: costSamples.provider,
      metric: costSamples.metric,
      unit: costSamples.unit,
      quantity: sql<number>`coalesce(sum(${costSamples.quantity}), 0)`.mapWith(Number),
      amountUsd: amount,
    })
    .from(costSamples)
    .where(inRange)
    .groupBy(costSamples.provider, costSamples.metric, costSamples.unit)
    .orderBy(asc(costSamples.provider), desc(amount));
const costsByMetric = compiledStatement<RowOf<typeof costsByMetricQuery>>(costsByMetricQuery);

const costsByEnvironmentQuery = (db: Database) =>
  db
    .select({
      environmentId: costSamples.environmentId,
      slug: environments.slug,
      name: sql<string>`coalesce(${environments.name}, 'Shared')`,
      kind: environments.kind,
      amountUsd: amount,
    })
    .from(costSamples)
    .leftJoin(environments, eq(environments.id, costSamples.environmentId))
    .where(inRange)
    .groupBy(costSamples.environmentId, environments.slug, environments.name, environments.kind)
    .orderBy(desc(amount));
export const costsByEnvironment =
  compiledStatement<RowOf<typeof costsByEnvironmentQuery>>(costsByEnvironmentQuery);

const costsByPullRequestQuery = (db: Database) =>
  db
    .select({
      pullRequestId: pullRequests.id,
      number: pullRequests.number,
      title: pullRequests.title,
      author: pullRequests.author,
      state: pullRequests.state,
      amountUsd: amount,
    })
    .from(costSamples)
    .innerJoin(pullRequests, eq(pullRequests.id, costSamples.pullRequestId))
    .where(and(inRange, isNotNull(costSamples.pullRequestId)))
    .groupBy(pullRequests.id)
    .orderBy(desc(amount), desc(pullRequests.number))
    .limit(200);
const costsByPullRequest =
  compiledStatement<RowOf<typeof costsByPullRequestQuery>>(costsByPullRequestQuery);

/**
 * Month-to-date spend against the budget, the forecast and every breakdown the Costs page shows.
 * All reads are ranges on (project_id, day).
 */
export async function getCostOverview(
  db: Database,
  projectId: number,
  { now, budgetUsd, month = monthOf(now) }: CostOverviewOptions,
): Promise<CostOverview> {
  const range = monthRange(month);
  const today = now.toISOString().slice(0, 10);
  const inProgress = range.start <= today && today <= range.end;
  const lastIncluded = inProgress ? today : range.end;
  const [dailyRows, byMetric, byEnvironment, byPullRequest] = await Promise.all([
    // Reaches back a week before the month so the run rate is sensible on the 1st.
    dailyCosts(db, { projectId, from: addDays(range.start, -RUN_RATE_DAYS), to: lastIncluded }),
    costsByMetric(db, { projectId, from: range.start, to: lastIncluded }),
    costsByEnvironment(db, { projectId, from: range.start, to: lastIncluded }),
    costsByPullRequest(db, { projectId, from: range.start, to: lastIncluded }),
  ]);

  const days = groupDays(dailyRows);
  const monthDays = days.filter((day) => day.day >= range.start);
  const { monthToDateUsd, lastDay, forecastUsd } = monthToDate(days, range, inProgress);

  return {
    month,
    inProgress,
    monthToDateUsd,
    budgetUsd,
    forecastUsd,
    status: budgetStatus(monthToDateUsd, forecastUsd, budgetUsd),
    budgetUsedRatio: budgetUsd > 0 ? monthToDateUsd / budgetUsd : 0,
    lastDay,
    byProvider: COST_PROVIDERS.map((provider) => ({
      provider,
      amountUsd: roundCents(sum(monthDays.map((day) => day.byProvider[provider]))),
    }))
      .filter((row) => row.amountUsd > 0)
      .sort((a, b) => b.amountUsd - a.amountUsd),
    byMetric,
    byEnvironment,
    byPullRequest,
    daily: monthDays,
  };
}

export function groupDays(
  rows: { day: string; provider: CostProvider; amountUsd: number }[],
): CostDay[] {
  const days = new Map<string, CostDay>();
  for (const row of rows) {
    let day = days.get(row.day);
    if (!day) {
      day = {
        day: row.day,
        totalUsd: 0,
        byProvider: { vercel: 0, neon: 0, github: 0, monitoring: 0 },
      };
      days.set(row.day, day);
    }
    day.byProvider[row.provider] += row.amountUsd;
    day.totalUsd += row.amountUsd;
  }
  return [...days.values()];
}

const costBoundsQuery = (db: Database) =>
  db
    .select({ first: min(costSamples.day), last: max(costSamples.day) })
    .from(costSamples)
    .where(eq(costSamples.projectId, sql.placeholder('projectId')));
const costBounds = compiledStatement<RowOf<typeof costBoundsQuery>>(costBoundsQuery);

/** Months that can be shown, newest first: from the first recorded cost to the current month. */
export async function listCostMonths(
  db: Database,
  projectId: number,
  { now }: { now: Date },
): Promise<string[]> {
  const [bounds] = await costBounds(db, { projectId });
  const current = monthOf(now);
  if (!bounds?.first || !bounds.last) return [current];
  const last = bounds.last.slice(0, 7) > current ? bounds.last.slice(0, 7) : current;
  return monthsBetween(bounds.first.slice(0, 7), last);
}
