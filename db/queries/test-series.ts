import 'server-only';
import { and, asc, between, eq } from 'drizzle-orm';
import {
  type ChartRange,
  rangeDayList,
  rangeGrain,
  rangePeriods,
  weekStart,
} from '@/lib/domain/chart-range';
import {
  COVERAGE_THRESHOLD_PCT,
  foldTestDays,
  type TestDayTotals,
  type TestMetrics,
  testPeriodStats,
} from '@/lib/domain/test-metrics';
import { TEST_SUITES, type TestSuite } from '@/lib/domain/test-runs';
import type { Database } from '../client';
import { testDaily } from '../schema';

/**
 * Each suite's pass rate, flaky tests, coverage and size over the range, per day (per ISO week
 * for 12 months). Reads one span of the `test_daily` primary key (project_id, day, suite):
 * O(days × suites) rows, whatever the length of the history.
 */
export async function getTestMetrics(
  db: Database,
  projectId: number,
  { range, now }: { range: ChartRange; now: Date },
): Promise<TestMetrics> {
  const grain = rangeGrain(range);
  const days = rangeDayList(range, now);
  const rows = await db
    .select({
      suite: testDaily.suite,
      period: testDaily.day,
      runs: testDaily.runs,
      passedRuns: testDaily.passedRuns,
      flakyTests: testDaily.flakyTests,
      maxCases: testDaily.maxCases,
      coverageRuns: testDaily.coverageRuns,
      coverageSumPct: testDaily.coverageSumPct,
    })
    .from(testDaily)
    .where(
      and(
        eq(testDaily.projectId, projectId),
        between(testDaily.day, days[0]!, days[days.length - 1]!),
      ),
    )
    .orderBy(asc(testDaily.day));

  const bySuite = new Map<TestSuite, TestDayTotals[]>();
  for (const { suite, ...totals } of rows) {
    const list = bySuite.get(suite as TestSuite) ?? [];
    list.push({ ...totals, coverageSumPct: Number(totals.coverageSumPct) });
    bySuite.set(suite as TestSuite, list);
  }
  const suites = TEST_SUITES.filter((suite) => bySuite.has(suite)).map((suite) => {
    const totals = bySuite.get(suite)!;
    const periods = grain === 'week' ? foldTestDays(totals, weekStart) : totals;
    return { suite, points: periods.map(testPeriodStats) };
  });
  return {
    range,
    grain,
    periods: rangePeriods(range, now),
    suites,
    coverageThresholdPct: COVERAGE_THRESHOLD_PCT,
  };
}
