import { addDays } from './chart-range';
import { errorBudgetRemaining, SLO_WINDOW_DAYS } from './uptime';
import { type UptimeDay, zoomedAxisFloor } from './uptime-series';

/** The window an SLO's error budget is counted over. */
export const ERROR_BUDGET_WINDOW_DAYS = SLO_WINDOW_DAYS;
/** How far ahead the burn-down projects the current burn rate. */
export const PROJECTION_DAYS = 30;

export interface BudgetPoint {
  day: string;
  /** Budget left at the end of the day, 0–100 (negative once overspent); null ahead of today. */
  remainingPct: number | null;
  /** Today onwards: the budget left if the current burn rate holds. */
  projectedPct: number | null;
}

export interface ErrorBudget {
  from: string;
  to: string;
  checks: number;
  failures: number;
  /** Failures the SLO allows over the window's checks. */
  allowedFailures: number;
  /** Share left (1 = untouched, 0 = spent, negative = overspent); null without checks. */
  remaining: number | null;
  /** The burn rate the projection assumes. */
  burnRate: number | null;
  /** The day the budget runs out at that rate, within the projection; null otherwise. */
  exhaustsOn: string | null;
  points: BudgetPoint[];
}

/**
 * The 30-day budget burning down: the budget is the failures the SLO allows over the window's
 * checks, and each day spends its failures, so the last point is exactly errorBudgetRemaining
 * over the window. From today a dotted line spends it at `burnRate`: a burn rate of 1 spends the
 * whole budget over the window, so each day spends burnRate ÷ window days of it.
 */
export function errorBudgetBurnDown(
  days: readonly UptimeDay[],
  dayList: readonly string[],
  sloPct: number,
  burnRate: number | null,
): ErrorBudget {
  const byDay = new Map(days.map((day) => [day.day, day]));
  const window = dayList.map((day) => byDay.get(day));
  const checks = window.reduce((sum, day) => sum + (day?.checks ?? 0), 0);
  const okChecks = window.reduce((sum, day) => sum + (day?.okChecks ?? 0), 0);
  const allowedFailures = checks * (1 - sloPct / 100);
  const remaining = errorBudgetRemaining(okChecks, checks, sloPct);
  const budgetKnown = remaining !== null && allowedFailures > 0;
  let spent = 0;
  const points: BudgetPoint[] = dayList.map((day, index) => {
    const today = window[index];
    spent += today ? today.checks - today.okChecks : 0;
    const left = budgetKnown ? (1 - spent / allowedFailures) * 100 : null;
    return { day, remainingPct: left, projectedPct: null };
  });
  const to = dayList[dayList.length - 1]!;
  const projection = budgetKnown ? project(remaining!, burnRate, to) : null;
  if (projection && points.length > 0) {
    points[points.length - 1]!.projectedPct = remaining! * 100;
    points.push(...projection.points);
  }
  return {
    from: dayList[0]!,
    to,
    checks,
    failures: checks - okChecks,
    allowedFailures,
    remaining,
    burnRate,
    exhaustsOn: projection?.exhaustsOn ?? null,
    points,
  };
}

/** Where the burn-down's axis starts: 0, or a round step below an overspent budget. */
export function budgetAxisFloor(points: readonly BudgetPoint[]): number {
  const values = points.flatMap((point) =>
    [point.remainingPct, point.projectedPct].filter((value) => value !== null),
  );
  const lowest = Math.min(0, ...values);
  return lowest >= 0 ? 0 : zoomedAxisFloor(lowest);
}

function project(
  remaining: number,
  burnRate: number | null,
  today: string,
): { points: BudgetPoint[]; exhaustsOn: string | null } | null {
  if (burnRate === null || burnRate <= 0 || remaining <= 0) return null;
  const perDay = burnRate / ERROR_BUDGET_WINDOW_DAYS;
  const daysLeft = remaining / perDay;
  const length = Math.min(Math.ceil(daysLeft), PROJECTION_DAYS);
  const points = Array.from({ length }, (_, index) => ({
    day: addDays(today, index + 1),
    remainingPct: null,
    projectedPct: Math.max(0, remaining - perDay * (index + 1)) * 100,
  }));
  return {
    points,
    exhaustsOn: daysLeft <= PROJECTION_DAYS ? addDays(today, Math.ceil(daysLeft)) : null,
  };
}
