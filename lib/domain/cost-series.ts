/**
 * The Costs charts' series, shaped from daily totals by provider: pure, so each figure tests on
 * a hand-built history. The rules they draw (forecast, anomalies) live in ./costs.
 */
import {
  addDays,
  type ChartRange,
  rangeDayList,
  rangeGrain,
  rangePeriods,
  weekStart,
} from './chart-range';
import {
  COST_PROVIDERS,
  type CostAnomaly,
  type CostDay,
  type CostProvider,
  dayOfMonth,
  findCostAnomalies,
  type MonthRange,
  type MonthToDate,
  roundCents,
} from './costs';

/** One day, or one ISO week (its Monday), split by provider. */
export interface CostPeriod {
  period: string;
  byProvider: Record<CostProvider, number>;
  totalUsd: number;
}

/** A day of the month: cumulative spend so far, then the forecast continuing to month end. */
export interface MonthSpendDay {
  day: string;
  /** Cumulative actual spend; null after the last recorded day. */
  actualUsd: number | null;
  /** Cumulative forecast from the last recorded day on; null before it. */
  forecastUsd: number | null;
}

export interface MonthSpend extends MonthToDate {
  month: string;
  budgetUsd: number;
  days: MonthSpendDay[];
  /** The first day the spend (or its forecast) passes the budget; null when it never does. */
  overBudgetFrom: string | null;
}

export interface MonthlyTotal {
  /** `YYYY-MM`. */
  month: string;
  totalUsd: number;
}

export interface EnvironmentCost {
  environmentId: number | null;
  slug: string | null;
  name: string;
  kind: string | null;
  amountUsd: number;
}

export interface PullRequestCost {
  pullRequestId: number;
  number: number;
  title: string;
  /** The preview environment's slug, for its page; null once the preview is gone. */
  slug: string | null;
  amountUsd: number;
}

/** Everything the Costs charts and GET /api/v1/metrics/costs answer, for one range. */
export interface CostSeries {
  range: ChartRange;
  grain: 'day' | 'week';
  /** The range's first and last UTC days. */
  from: string;
  to: string;
  budgetUsd: number;
  /** The budget's pace: budget ÷ days in the current month, per day (× 7 for weeks). */
  budgetPaceUsd: number;
  periods: CostPeriod[];
  anomalies: CostAnomaly[];
  month: MonthSpend;
  /** The last 12 months, oldest first, the current one included. */
  monthly: MonthlyTotal[];
  topEnvironments: EnvironmentCost[];
  topPullRequests: PullRequestCost[];
}

const emptyProviders = (): Record<CostProvider, number> => ({
  vercel: 0,
  neon: 0,
  github: 0,
  monitoring: 0,
});

/** Every day from `from` to `to`, days without spend as zero. */
export function fillDays(days: readonly CostDay[], from: string, to: string): CostDay[] {
  const byDay = new Map(days.map((day) => [day.day, day]));
  const filled: CostDay[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    filled.push(byDay.get(day) ?? { day, totalUsd: 0, byProvider: emptyProviders() });
  }
  return filled;
}

/** The range's periods (days, or ISO weeks for 12 months), each summed by provider. */
export function costPeriods(days: readonly CostDay[], range: ChartRange, now: Date): CostPeriod[] {
  const weekly = rangeGrain(range) === 'week';
  const periods = new Map<string, CostPeriod>(
    rangePeriods(range, now).map((period) => [
      period,
      { period, byProvider: emptyProviders(), totalUsd: 0 },
    ]),
  );
  const first = rangeDayList(range, now)[0]!;
  for (const day of days) {
    if (day.day < first) continue;
    const period = periods.get(weekly ? weekStart(day.day) : day.day);
    if (!period) continue;
    for (const provider of COST_PROVIDERS) period.byProvider[provider] += day.byProvider[provider];
    period.totalUsd += day.totalUsd;
  }
  return [...periods.values()].map((period) => ({
    period: period.period,
    totalUsd: roundCents(period.totalUsd),
    byProvider: Object.fromEntries(
      COST_PROVIDERS.map((provider) => [provider, roundCents(period.byProvider[provider])]),
    ) as Record<CostProvider, number>,
  }));
}

/**
 * Cumulative spend by day of the month, then the forecast: from the last recorded day it grows
 * by the forecast's run rate each day, so it ends on the month's forecast.
 */
export function monthSpend(
  days: readonly CostDay[],
  range: MonthRange,
  toDate: MonthToDate,
  budgetUsd: number,
): MonthSpend {
  const amounts = new Map(days.map((day) => [day.day, day.totalUsd]));
  const lastCovered = toDate.lastDay ? dayOfMonth(toDate.lastDay) : 0;
  const monthDays: MonthSpendDay[] = [];
  let cumulative = 0;
  for (let n = 1; n <= range.daysInMonth; n += 1) {
    const day = addDays(range.start, n - 1);
    cumulative += amounts.get(day) ?? 0;
    const actual = n <= lastCovered ? roundCents(cumulative) : null;
    const forecast =
      n >= lastCovered && toDate.runRateUsd > 0
        ? roundCents(toDate.monthToDateUsd + toDate.runRateUsd * (n - lastCovered))
        : null;
    monthDays.push({ day, actualUsd: actual, forecastUsd: forecast });
  }
  const over = monthDays.find((day) => (day.actualUsd ?? day.forecastUsd ?? 0) > budgetUsd);
  return {
    ...toDate,
    month: range.month,
    budgetUsd,
    days: monthDays,
    overBudgetFrom: budgetUsd > 0 ? (over?.day ?? null) : null,
  };
}

/** The totals of the 12 months up to and including `month` (`YYYY-MM`), oldest first. */
export function monthlyTotals(days: readonly CostDay[], month: string): MonthlyTotal[] {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const months = Array.from({ length: 12 }, (_, index) => {
    const date = new Date(Date.UTC(year, monthNumber - 12 + index, 1));
    return date.toISOString().slice(0, 7);
  });
  const totals = new Map(months.map((key) => [key, 0]));
  for (const day of days) {
    const key = day.day.slice(0, 7);
    const total = totals.get(key);
    if (total !== undefined) totals.set(key, total + day.totalUsd);
  }
  return months.map((key) => ({ month: key, totalUsd: roundCents(totals.get(key) ?? 0) }));
}

/** The budget's daily pace in the month, per period of the chart's grain. */
export function budgetPace(budgetUsd: number, range: MonthRange, grain: 'day' | 'week'): number {
  const perDay = budgetUsd / range.daysInMonth;
  return roundCents(grain === 'week' ? perDay * 7 : perDay);
}

/** The anomaly days that fall in the range (the window before them may reach further back). */
export function anomaliesIn(days: readonly CostDay[], from: string): CostAnomaly[] {
  return findCostAnomalies(days).filter((anomaly) => anomaly.day >= from);
}
