import { describe, expect, test } from 'vitest';
import {
  type CiPeriodStats,
  overallSuccessRate,
  successRate,
  weightedMedian,
} from '@/lib/domain/ci-metrics';

describe('successRate', () => {
  test('counts only runs that succeeded or failed', () => {
    expect(successRate(9, 1)).toBe(0.9);
    expect(successRate(0, 3)).toBe(0);
  });

  test('is null when no run was decided (all cancelled or skipped)', () => {
    expect(successRate(0, 0)).toBeNull();
  });
});

describe('weightedMedian', () => {
  test('is the value the middle run saw, each period weighted by its runs', () => {
    expect(
      weightedMedian([
        { value: 100, weight: 1 },
        { value: 300, weight: 5 },
        { value: 200, weight: 1 },
      ]),
    ).toBe(300);
    expect(
      weightedMedian([
        { value: 100, weight: 2 },
        { value: 300, weight: 2 },
      ]),
    ).toBe(100);
  });

  test('skips periods without a value or runs, and is null when none is left', () => {
    expect(
      weightedMedian([
        { value: null, weight: 10 },
        { value: 50, weight: 0 },
        { value: 70, weight: 1 },
      ]),
    ).toBe(70);
    expect(weightedMedian([{ value: null, weight: 3 }])).toBeNull();
    expect(weightedMedian([])).toBeNull();
  });
});

describe('overallSuccessRate', () => {
  const point = (successes: number, failures: number): CiPeriodStats => ({
    period: '2026-03-01',
    runs: successes + failures + 1,
    successes,
    failures,
    successRate: successRate(successes, failures),
    durationP50Ms: null,
    durationP95Ms: null,
    queueP50Ms: null,
    queueP95Ms: null,
  });

  test('adds every workflow’s successes and failures rather than averaging rates', () => {
    expect(
      overallSuccessRate([
        { workflow: 'CI', points: [point(9, 1), point(0, 0)] },
        { workflow: 'Deploy', points: [point(1, 1)] },
      ]),
    ).toBeCloseTo(10 / 12);
    expect(overallSuccessRate([])).toBeNull();
  });
});
