import { describe, expect, test } from 'vitest';
import { isCostAnomaly } from '@/lib/domain/costs';
import { costSpikeDays } from '@/lib/domain/environment-timeline';

describe('isCostAnomaly', () => {
  test('is a day above twice the median of the 7 days before it', () => {
    const week = [1, 1, 2, 2, 2, 3, 9];
    expect(isCostAnomaly(4.01, week)).toBe(true);
    expect(isCostAnomaly(4, week)).toBe(false);
  });

  test('needs a full week of history and a median above zero', () => {
    expect(isCostAnomaly(100, [1, 1, 1])).toBe(false);
    expect(isCostAnomaly(100, [0, 0, 0, 0, 1, 1, 1])).toBe(false);
  });
});

describe('costSpikeDays', () => {
  test('finds the spike among the range, counting missing days as zero spend', () => {
    const days = [
      ...['01', '02', '03', '04', '05', '06', '07', '08', '09'].map((d) => ({
        day: `2026-11-${d}`,
        amountUsd: 1,
      })),
      { day: '2026-11-10', amountUsd: 5 },
    ];
    expect(costSpikeDays(days, '2026-11-08', '2026-11-12')).toEqual([
      { day: '2026-11-10', amountUsd: 5, trailingMedianUsd: 1 },
    ]);
  });
});
