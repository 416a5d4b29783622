import { addDays } from './chart-range';
import { ANOMALY_WINDOW_DAYS, type DailyTotal, findCostAnomalies } from './costs';

/** What an environment's timeline draws, one lane each, top to bottom. */
export const TIMELINE_LANES = [
  'deployment',
  'operation',
  'incident',
  'test-run',
  'cost-spike',
] as const;
export type TimelineLane = (typeof TIMELINE_LANES)[number];

export const TIMELINE_LANE_LABELS: Record<TimelineLane, string> = {
  deployment: 'Deployments',
  operation: 'Operations',
  incident: 'Incidents',
  'test-run': 'Test runs',
  'cost-spike': 'Cost spikes',
};

export interface TimelineEvent {
  lane: TimelineLane;
  /** ISO instant. */
  at: string;
  /** ISO instant an incident ended; null while it lasts, absent for point events. */
  endAt?: string | null;
  title: string;
  detail: string;
  /** The outcome as a status word (ready, error, succeeded, failed, passed…). */
  status: string;
  /** Whether the outcome is bad: a failed build, test run or operation, an incident, a spike. */
  bad: boolean;
  href: string | null;
  /** A cost spike's day total and the 7-day median it is compared with, in USD. */
  amountUsd?: number;
  baselineUsd?: number;
}

/** Each lane keeps at most this many events (the newest); the table says when it was cut. */
export const TIMELINE_LANE_LIMIT = 300;

/**
 * The environment's cost spikes among `days` (UTC days, oldest first, each with its total):
 * days above twice the median of the 7 days before. `days` must start 7 days before `from`.
 */
export function costSpikeDays(
  days: readonly { day: string; amountUsd: number }[],
  from: string,
  to: string,
): { day: string; amountUsd: number; trailingMedianUsd: number }[] {
  const byDay = new Map(days.map((row) => [row.day, row.amountUsd]));
  const daily: DailyTotal[] = [];
  for (let day = addDays(from, -ANOMALY_WINDOW_DAYS); day <= to; day = addDays(day, 1)) {
    daily.push({ day, totalUsd: byDay.get(day) ?? 0 });
  }
  return findCostAnomalies(daily).map((anomaly) => ({
    day: anomaly.day,
    amountUsd: anomaly.totalUsd,
    trailingMedianUsd: anomaly.medianUsd,
  }));
}
