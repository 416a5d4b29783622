/** Cost rules: pure, so the forecast and budget verdict test in milliseconds. */

export const COST_PROVIDERS = ['vercel', 'neon', 'github', 'monitoring'] as const;
export type CostProvider = (typeof COST_PROVIDERS)[number];

/** How many trailing days the run rate averages over. */
export const RUN_RATE_DAYS = 7;

export interface ForecastInput {
  /** Spend recorded so far this month. */
  monthToDateUsd: number;
  daysInMonth: number;
  /** The day of the month the recorded spend runs through (0 when nothing is recorded yet). */
  daysCovered: number;
  /** Daily totals of the most recent days with data, up to RUN_RATE_DAYS of them. */
  trailingDailyUsd: readonly number[];
}

/**
 * Month-to-date plus the trailing daily average for each day still to come. The average looks
 * back across the month boundary, so the forecast is sensible on the 1st as well.
 */
export function forecastMonthUsd(input: ForecastInput): number {
  const recent = input.trailingDailyUsd.slice(-RUN_RATE_DAYS);
  const dailyAverage = recent.length === 0 ? 0 : sum(recent) / recent.length;
  const remainingDays = Math.max(0, input.daysInMonth - input.daysCovered);
  return roundCents(input.monthToDateUsd + dailyAverage * remainingDays);
}

export type BudgetStatus = 'over' | 'forecast-over' | 'under';

/** Over: already spent more than the budget. Forecast over: on course to. Under: neither. */
export function budgetStatus(
  monthToDateUsd: number,
  forecastUsd: number,
  budgetUsd: number,
): BudgetStatus {
  if (monthToDateUsd > budgetUsd) return 'over';
  if (forecastUsd > budgetUsd) return 'forecast-over';
  return 'under';
}

export const BUDGET_STATUS_LABEL: Record<BudgetStatus, string> = {
  over: 'Over budget',
  'forecast-over': 'Forecast over budget',
  under: 'Under budget',
};

/** `YYYY-MM` of a date, in UTC (cost days are UTC days). */
export function monthOf(date: Date): string {
  return date.toISOString().slice(0, 7);
}

export interface MonthRange {
  month: string;
  /** First day, `YYYY-MM-DD`. */
  start: string;
  /** Last day, `YYYY-MM-DD`. */
  end: string;
  daysInMonth: number;
}

export function monthRange(month: string): MonthRange {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const daysInMonth = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return { month, start: `${month}-01`, end: `${month}-${pad(daysInMonth)}`, daysInMonth };
}

/** `YYYY-MM-DD` shifted by whole days. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function dayOfMonth(day: string): number {
  return Number(day.slice(8, 10));
}

/** Every month from `first` to `last` (both `YYYY-MM`), newest first. */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let [year, month] = last.split('-').map(Number) as [number, number];
  while (`${year}-${pad(month)}` >= first) {
    months.push(`${year}-${pad(month)}`);
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
  }
  return months;
}

export function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

export function roundCents(value: number): number {
  return Math.round(value * 100) / 100;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** One day of the month, split by provider. */
export interface CostDay {
  day: string;
  totalUsd: number;
  byProvider: Record<CostProvider, number>;
}

export interface CostOverview {
  month: string;
  /** True while the month is still running at `now`. */
  inProgress: boolean;
  monthToDateUsd: number;
  budgetUsd: number;
  forecastUsd: number;
  status: BudgetStatus;
  /** Share of the budget spent so far, 0–1+. */
  budgetUsedRatio: number;
  /** Through which day the recorded spend runs, `YYYY-MM-DD`; null when the month has none. */
  lastDay: string | null;
  byProvider: { provider: CostProvider; amountUsd: number }[];
  byMetric: {
    provider: CostProvider;
    metric: string;
    unit: string;
    quantity: number;
    amountUsd: number;
  }[];
  byEnvironment: {
    environmentId: number | null;
    slug: string | null;
    name: string;
    kind: string | null;
    amountUsd: number;
  }[];
  byPullRequest: {
    pullRequestId: number;
    number: number;
    title: string;
    author: string;
    state: string;
    amountUsd: number;
  }[];
  daily: CostDay[];
}

/** Neon's usage-based plans, whose list prices the cost sync applies (https://neon.com/pricing). */
export const NEON_PLANS = ['launch', 'scale'] as const;
export type NeonPlan = (typeof NEON_PLANS)[number];

/** A day costs "too much" above this multiple of the median of the days before it. */
export const COST_ANOMALY_FACTOR = 2;
export const COST_ANOMALY_WINDOW_DAYS = 7;

/**
 * A spike: the day's spend is above twice the median of the 7 days before it (days without
 * spend count as zero). A median of zero flags nothing, so a new environment's first day of
 * spend is not a spike.
 */
export function isCostAnomaly(amountUsd: number, trailingDailyUsd: readonly number[]): boolean {
  if (trailingDailyUsd.length < COST_ANOMALY_WINDOW_DAYS) return false;
  const sorted = [...trailingDailyUsd.slice(-COST_ANOMALY_WINDOW_DAYS)].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return median > 0 && amountUsd > COST_ANOMALY_FACTOR * median;
}
