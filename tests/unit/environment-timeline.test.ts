import { describe, expect, test } from 'vitest';
import { costSpikeDays } from '@/lib/domain/environment-timeline';

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
