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
  const remainingDays = Math.max(0, input.daysInMonth - input.daysCovered);
  return roundCents(input.monthToDateUsd + runRateUsd(input.trailingDailyUsd) * remainingDays);
}

/** The daily spend the forecast extends: the mean of the last RUN_RATE_DAYS daily totals. */
export function runRateUsd(trailingDailyUsd: readonly number[]): number {
  const recent = trailingDailyUsd.slice(-RUN_RATE_DAYS);
  return recent.length === 0 ? 0 : sum(recent) / recent.length;
}

/** A day's total spend. */
export interface DailyTotal {
  day: string;
  totalUsd: number;
}

export interface MonthToDate {
  monthToDateUsd: number;
  /** Through which day the recorded spend runs; null when the month has none. */
  lastDay: string | null;
  /** Month to date plus the run rate for each day left; the month to date once it has ended. */
  forecastUsd: number;
  /** The run rate the forecast extends (0 once the month has ended). */
  runRateUsd: number;
}

/**
 * The month's spend so far and its forecast, from the days with spend (oldest first). `days`
 * may reach back before the month: the run rate looks across the month boundary, over the days
 * with data among the RUN_RATE_DAYS up to the last recorded day.
 */
export function monthToDate(
  days: readonly DailyTotal[],
  range: MonthRange,
  inProgress: boolean,
): MonthToDate {
  const monthDays = days.filter((day) => day.day >= range.start && day.day <= range.end);
  const monthToDateUsd = roundCents(sum(monthDays.map((day) => day.totalUsd)));
  const lastDay = monthDays.at(-1)?.day ?? null;
  if (!inProgress) return { monthToDateUsd, lastDay, forecastUsd: monthToDateUsd, runRateUsd: 0 };
  const anchor = lastDay ?? addDays(range.start, -1);
  const trailingDailyUsd = days
    .filter((day) => day.day > addDays(anchor, -RUN_RATE_DAYS) && day.day <= anchor)
    .map((day) => day.totalUsd);
  const forecastUsd = forecastMonthUsd({
    monthToDateUsd,
    daysInMonth: range.daysInMonth,
    daysCovered: lastDay ? dayOfMonth(lastDay) : 0,
    trailingDailyUsd,
  });
  return { monthToDateUsd, lastDay, forecastUsd, runRateUsd: runRateUsd(trailingDailyUsd) };
}

/** A day above ANOMALY_FACTOR × the median of the ANOMALY_WINDOW_DAYS days before it. */
export const ANOMALY_FACTOR = 2;
export const ANOMALY_WINDOW_DAYS = 7;

export interface CostAnomaly {
  day: string;
  totalUsd: number;
  /** The median daily spend of the ANOMALY_WINDOW_DAYS days before. */
  medianUsd: number;
  /** totalUsd ÷ medianUsd. */
  ratio: number;
}

/**
 * The days whose spend is above ANOMALY_FACTOR × the median of the ANOMALY_WINDOW_DAYS days
 * before them (or `factor` ×, the alert rule's own multiple). `daily` is every day in order,
 * days without spend as 0; a day is judged only with a full window before it and a median
 * above zero (twice nothing says nothing).
 */
export function findCostAnomalies(
  daily: readonly DailyTotal[],
  factor: number = ANOMALY_FACTOR,
): CostAnomaly[] {
  const anomalies: CostAnomaly[] = [];
  for (let index = ANOMALY_WINDOW_DAYS; index < daily.length; index += 1) {
    const window = daily.slice(index - ANOMALY_WINDOW_DAYS, index).map((day) => day.totalUsd);
    const medianUsd = median(window);
    const { day, totalUsd } = daily[index]!;
    if (medianUsd > 0 && totalUsd > factor * medianUsd) {
      anomalies.push({ day, totalUsd, medianUsd, ratio: totalUsd / medianUsd });
    }
  }
  return anomalies;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
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

/** One metric of one environment over a day or a week: the rows behind a chart's bar. */
export interface CostLine {
  provider: CostProvider;
  metric: string;
  unit: string;
  /** Null for shared costs. */
  environmentSlug: string | null;
  environmentName: string;
  pullRequestNumber: number | null;
  quantity: number;
  amountUsd: number;
}
