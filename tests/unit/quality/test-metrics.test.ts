import { describe, expect, test } from 'vitest';
import { weekStart } from '@/lib/domain/chart-range';
import {
  carryForward,
  foldTestDays,
  type TestDayTotals,
  testPeriodStats,
} from '@/lib/domain/test-metrics';

const day = (period: string, overrides: Partial<TestDayTotals> = {}): TestDayTotals => ({
  period,
  runs: 2,
  passedRuns: 2,
  flakyTests: 0,
  maxCases: 100,
  coverageRuns: 0,
  coverageSumPct: 0,
  ...overrides,
});

describe('testPeriodStats', () => {
  test('pass rate from runs, coverage as the mean of the runs that reported one', () => {
    expect(
      testPeriodStats(
        day('2026-03-02', { runs: 4, passedRuns: 3, coverageRuns: 2, coverageSumPct: 161 }),
      ),
    ).toEqual({
      period: '2026-03-02',
      runs: 4,
      passedRuns: 3,
      passRate: 0.75,
      flakyTests: 0,
      coveragePct: 80.5,
      cases: 100,
    });
  });

  test('leaves coverage and pass rate null when nothing reported them', () => {
    const stats = testPeriodStats(day('2026-03-02', { runs: 0, passedRuns: 0 }));
    expect(stats.passRate).toBeNull();
    expect(stats.coveragePct).toBeNull();
  });
});

describe('foldTestDays', () => {
  test('adds runs and coverage sums, keeps the worst flaky day and the largest report', () => {
    // Sunday 8 March closes the week of 2 March; 9 and 11 March open the next.
    const weeks = foldTestDays(
      [
        day('2026-03-08', { flakyTests: 4 }),
        day('2026-03-09', {
          runs: 3,
          passedRuns: 1,
          flakyTests: 2,
          coverageRuns: 1,
          coverageSumPct: 80,
        }),
        day('2026-03-11', { flakyTests: 3, maxCases: 120, coverageRuns: 2, coverageSumPct: 170 }),
      ],
      weekStart,
    );
    expect(weeks).toEqual([
      day('2026-03-02', { flakyTests: 4 }),
      {
        period: '2026-03-09',
        runs: 5,
        passedRuns: 3,
        flakyTests: 3,
        maxCases: 120,
        coverageRuns: 3,
        coverageSumPct: 250,
      },
    ]);
  });

  test('does not change the days it folds', () => {
    const days = [day('2026-03-09'), day('2026-03-10')];
    foldTestDays(days, weekStart);
    expect(days[0]).toEqual(day('2026-03-09'));
  });
});

describe('carryForward', () => {
  test('repeats the last known value over periods without one, none before the first', () => {
    expect(
      carryForward(
        ['a', 'b', 'c', 'd', 'e'],
        new Map([
          ['b', 10],
          ['d', 12],
        ]),
      ),
    ).toEqual([null, 10, 10, 12, 12]);
  });
});
