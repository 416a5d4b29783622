import { z } from 'zod';

/** The periods every chart offers, kept in the URL as `?range=`. */
export const CHART_RANGES = ['7d', '30d', '90d', '12m'] as const;
export type ChartRange = (typeof CHART_RANGES)[number];
export const DEFAULT_CHART_RANGE: ChartRange = '30d';

export const CHART_RANGE_LABELS: Record<ChartRange, string> = {
  '7d': '7 days',
  '30d': '30 days',
  '90d': '90 days',
  '12m': '12 months',
};

const RANGE_DAYS: Record<ChartRange, number> = { '7d': 7, '30d': 30, '90d': 90, '12m': 365 };

/** Strict, for the metrics API: a range it does not know is a 400. */
export const chartRangeSchema = z.enum(CHART_RANGES).default(DEFAULT_CHART_RANGE);

/** Lenient, for pages: a stale or hand-edited `?range=` falls back to the default. */
export function parseChartRange(value: unknown): ChartRange {
  return (CHART_RANGES as readonly unknown[]).includes(value)
    ? (value as ChartRange)
    : DEFAULT_CHART_RANGE;
}

/** How many UTC days the range covers, today included. */
export function rangeDays(range: ChartRange): number {
  return RANGE_DAYS[range];
}

/** A year of daily bars is unreadable: 12 months are drawn by ISO week. */
export function rangeGrain(range: ChartRange): 'day' | 'week' {
  return range === '12m' ? 'week' : 'day';
}

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of an instant's UTC day. */
export function isoDay(at: Date | number): string {
  return new Date(at).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return isoDay(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS);
}

/** The Monday that starts the ISO week holding `day`. */
export function weekStart(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/** The UTC days of the range ending on `now`'s day, oldest first. */
export function rangeDayList(range: ChartRange, now: Date): string[] {
  const today = isoDay(now);
  const length = rangeDays(range);
  return Array.from({ length }, (_, index) => addDays(today, index - length + 1));
}

/** The periods a chart draws for the range: its days, or the Mondays of its weeks. */
export function rangePeriods(range: ChartRange, now: Date): string[] {
  const days = rangeDayList(range, now);
  if (rangeGrain(range) === 'day') return days;
  return [...new Set(days.map(weekStart))];
}
