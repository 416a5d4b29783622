import { describe, expect, test } from 'vitest';
import { addDays } from '@/lib/domain/chart-range';
import { findCostAnomalies, median } from '@/lib/domain/costs';

/** Consecutive days from 1 March, one total each. */
const history = (totals: number[]) =>
  totals.map((totalUsd, index) => ({ day: addDays('2026-03-01', index), totalUsd }));

describe('median', () => {
  test('is the middle value, or the mean of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBe(0);
  });
});

describe('findCostAnomalies', () => {
  test('flags a day above twice the median of the 7 days before it, and says by how much', () => {
    const anomalies = findCostAnomalies(history([10, 12, 14, 13, 15, 11, 16, 41.2]));
    expect(anomalies).toEqual([
      { day: '2026-03-08', totalUsd: 41.2, medianUsd: 13, ratio: 41.2 / 13 },
    ]);
  });

  test('does not flag a day at exactly twice the median', () => {
    expect(findCostAnomalies(history([10, 10, 10, 10, 10, 10, 10, 20]))).toEqual([]);
    expect(findCostAnomalies(history([10, 10, 10, 10, 10, 10, 10, 20.01]))).toHaveLength(1);
  });

  test('uses the median, so one earlier spike does not hide the next', () => {
    const anomalies = findCostAnomalies(history([10, 10, 10, 10, 10, 10, 10, 90, 10, 10, 30]));
    expect(anomalies.map((anomaly) => anomaly.day)).toEqual(['2026-03-08', '2026-03-11']);
  });

  test('judges only days with a full 7-day window before them', () => {
    expect(findCostAnomalies(history([1, 1, 1, 1, 1, 1, 50]))).toEqual([]);
  });

  test('never flags after a window whose median is zero: twice nothing says nothing', () => {
    expect(findCostAnomalies(history([0, 0, 0, 0, 5, 5, 5, 40]))).toEqual([]);
  });
});
