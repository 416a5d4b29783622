import { weekStart } from './chart-range';
import { sloStatus, type WindowUptime, windowUptime } from './uptime';

/**
 * The uptime charts' figures, shaped from days of checks. Pure, so each figure is tested on
 * hand-built days with known answers; every verdict goes through the rules of uptime.ts.
 */

/** One environment's checks on one UTC day; latency percentiles over its successful checks. */
export interface UptimeDay {
  environmentId: number;
  /** `YYYY-MM-DD`, UTC. */
  day: string;
  checks: number;
  okChecks: number;
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
}

/** A bar's colour is a state: green meets the SLO, amber misses it, red is under 99 %. */
export type AvailabilityState = 'ok' | 'warning' | 'bad';
export const BAD_AVAILABILITY_PCT = 99;

export function availabilityState(pct: number | null, sloPct: number): AvailabilityState | null {
  if (pct === null) return null;
  if (sloStatus(pct, sloPct) === 'meeting') return 'ok';
  return pct < BAD_AVAILABILITY_PCT ? 'bad' : 'warning';
}

export interface AvailabilityPeriod {
  /** The day, or the Monday of the week. */
  period: string;
  checks: number;
  okChecks: number;
  failures: number;
  /** 0–100; null when nothing was checked. */
  pct: number | null;
  state: AvailabilityState | null;
}

/** The days summed into the chart's periods (days, or ISO weeks), oldest first. */
export function availabilityPeriods(
  days: readonly UptimeDay[],
  periods: readonly string[],
  grain: 'day' | 'week',
  sloPct: number,
): AvailabilityPeriod[] {
  const sums = new Map(periods.map((period) => [period, { checks: 0, okChecks: 0 }]));
  for (const day of days) {
    const sum = sums.get(grain === 'week' ? weekStart(day.day) : day.day);
    if (!sum) continue;
    sum.checks += day.checks;
    sum.okChecks += day.okChecks;
  }
  return periods.map((period) => {
    const { checks, okChecks } = sums.get(period)!;
    const { pct } = windowUptime(okChecks, checks, sloPct);
    return {
      period,
      checks,
      okChecks,
      failures: checks - okChecks,
      pct,
      state: availabilityState(pct, sloPct),
    };
  });
}

/** The whole range as one window: the title's figure and its verdict, from the same sums. */
export function rangeUptime(periods: readonly AvailabilityPeriod[], sloPct: number): WindowUptime {
  const checks = periods.reduce((sum, period) => sum + period.checks, 0);
  const okChecks = periods.reduce((sum, period) => sum + period.okChecks, 0);
  return windowUptime(okChecks, checks, sloPct);
}

/** Tick steps a zoomed axis may use, so its five ticks read as round numbers. */
const NICE_STEPS = [0.5, 1, 2.5, 5, 10, 20, 25, 50, 100, 250, 500, 1000, 2500, 5000];

/**
 * Where an axis that ends at `top` should start to hold `lowest`, so that its four intervals
 * are a round step each (98 → 100 by 0.5, 20 → 100 by 20).
 */
export function zoomedAxisFloor(lowest: number, top = 100): number {
  const span = top - lowest;
  if (span <= 0) return top - 4 * NICE_STEPS[0]!;
  const step = NICE_STEPS.find((candidate) => candidate * 4 >= span) ?? Math.ceil(span / 4);
  return top - 4 * step;
}

/**
 * Where an availability axis starts: low enough for the worst period, and for 98.5 % so the
 * SLO and the 99 % line stay in view; never below 0.
 */
export function availabilityAxisFloor(
  periods: readonly AvailabilityPeriod[],
  sloPct: number,
): number {
  const lowest = Math.min(
    BAD_AVAILABILITY_PCT - 0.5,
    sloPct - 0.5,
    ...periods.flatMap((period) => (period.pct === null ? [] : [period.pct])),
  );
  return Math.max(0, zoomedAxisFloor(lowest));
}

export interface LatencyPoint {
  /** A UTC day, or an hour as an ISO instant (`2026-12-07T13:00:00.000Z`). */
  period: string;
  p50: number | null;
  p95: number | null;
}

/** Latency by day over the given days; a day without a successful check has no figure. */
export function dailyLatency(
  days: readonly UptimeDay[],
  dayList: readonly string[],
): LatencyPoint[] {
  const byDay = new Map(days.map((day) => [day.day, day]));
  return dayList.map((period) => ({
    period,
    p50: byDay.get(period)?.latencyP50Ms ?? null,
    p95: byDay.get(period)?.latencyP95Ms ?? null,
  }));
}

/** The day, or the Monday of the week, an ISO instant falls in (UTC). */
export function periodOf(instant: string, grain: 'day' | 'week'): string {
  const day = instant.slice(0, 10);
  return grain === 'week' ? weekStart(day) : day;
}

export interface IncidentBand<Incident> {
  from: string;
  to: string;
  incident: Incident;
}

/**
 * Incidents as spans of the chart's periods: from the period it started in to the one it was
 * resolved in (the last one while it goes on), clipped to the range; one outside is dropped.
 */
export function incidentBands<Incident extends { startedAt: string; resolvedAt: string | null }>(
  incidents: readonly Incident[],
  periods: readonly string[],
  grain: 'day' | 'week',
): IncidentBand<Incident>[] {
  const first = periods[0];
  const last = periods[periods.length - 1];
  if (first === undefined || last === undefined) return [];
  return incidents.flatMap((incident) => {
    const start = periodOf(incident.startedAt, grain);
    const end = incident.resolvedAt ? periodOf(incident.resolvedAt, grain) : last;
    if (end < first || start > last) return [];
    return [{ from: start < first ? first : start, to: end > last ? last : end, incident }];
  });
}
