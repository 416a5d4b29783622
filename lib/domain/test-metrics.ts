import type { ChartRange } from './chart-range';
import type { TestSuite } from './test-runs';

/**
 * The line coverage a suite should keep, in percent: the one threshold the board draws. 80 % is
 * the bar most teams set in their coverage tool (e.g. vitest's `coverage.thresholds`).
 */
export const COVERAGE_THRESHOLD_PCT = 80;

/** One suite over one day (or ISO week), from `test_daily`. */
export interface TestPeriodStats {
  /** `YYYY-MM-DD`: the day, or the Monday of the week. */
  period: string;
  runs: number;
  passedRuns: number;
  /** Passed runs over runs, 0–1; null without runs. */
  passRate: number | null;
  /** Distinct tests that flaked (failed, then passed on retry); a week keeps its worst day. */
  flakyTests: number;
  /** Mean coverage of the runs that reported one, 0–100; null when none did. */
  coveragePct: number | null;
  /** The suite's size: the largest report of the period. */
  cases: number;
}

export interface TestSuiteSeries {
  suite: TestSuite;
  /** Only the periods with runs, oldest first. */
  points: TestPeriodStats[];
}

export interface TestMetrics {
  range: ChartRange;
  grain: 'day' | 'week';
  periods: string[];
  suites: TestSuiteSeries[];
  coverageThresholdPct: number;
}

/** A period's raw sums, as `test_daily` keeps them: sums add up across days exactly. */
export interface TestDayTotals {
  period: string;
  runs: number;
  passedRuns: number;
  flakyTests: number;
  maxCases: number;
  coverageRuns: number;
  coverageSumPct: number;
}

export function testPeriodStats(totals: TestDayTotals): TestPeriodStats {
  return {
    period: totals.period,
    runs: totals.runs,
    passedRuns: totals.passedRuns,
    passRate: totals.runs === 0 ? null : totals.passedRuns / totals.runs,
    flakyTests: totals.flakyTests,
    coveragePct: totals.coverageRuns === 0 ? null : totals.coverageSumPct / totals.coverageRuns,
    cases: totals.maxCases,
  };
}

/**
 * Days folded into the periods that hold them (`periodOf`, e.g. the week's Monday): runs and
 * coverage add up; distinct flaky tests do not (one test flaky on two days is one test), so a
 * period keeps its worst day, and the suite's size its largest report.
 */
export function foldTestDays(
  days: readonly TestDayTotals[],
  periodOf: (day: string) => string,
): TestDayTotals[] {
  const periods = new Map<string, TestDayTotals>();
  for (const day of days) {
    const period = periodOf(day.period);
    const sum = periods.get(period);
    if (!sum) {
      periods.set(period, { ...day, period });
      continue;
    }
    sum.runs += day.runs;
    sum.passedRuns += day.passedRuns;
    sum.flakyTests = Math.max(sum.flakyTests, day.flakyTests);
    sum.maxCases = Math.max(sum.maxCases, day.maxCases);
    sum.coverageRuns += day.coverageRuns;
    sum.coverageSumPct += day.coverageSumPct;
  }
  return [...periods.values()].sort((a, b) => a.period.localeCompare(b.period));
}

/**
 * A value per period, the last known one carried over periods without a report: a suite holds
 * its tests on a day nobody pushed. Periods before the first report stay null.
 */
export function carryForward(
  periods: readonly string[],
  known: ReadonlyMap<string, number>,
): (number | null)[] {
  let last: number | null = null;
  return periods.map((period) => {
    const value = known.get(period);
    if (value !== undefined) last = value;
    return last;
  });
}
