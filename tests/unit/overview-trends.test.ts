import { describe, expect, test } from 'vitest';
import { cumulative, lastAndChange } from '@/lib/domain/overview-trends';

describe('overview sparklines', () => {
  test('cumulative spend adds each day to the days before it; a day without spend adds nothing', () => {
    expect(
      cumulative([
        { day: '2026-12-01', value: 2 },
        { day: '2026-12-02', value: null },
        { day: '2026-12-03', value: 1.5 },
      ]).map((day) => day.value),
    ).toEqual([2, 2, 3.5]);
  });

  test('the change is from the last measured day to the measured day before it', () => {
    expect(
      lastAndChange([
        { day: '2026-12-01', value: 99.5 },
        { day: '2026-12-02', value: 100 },
        { day: '2026-12-03', value: null },
      ]),
    ).toEqual({ last: { day: '2026-12-02', value: 100 }, change: 0.5 });
    expect(lastAndChange([{ day: '2026-12-01', value: 4 }])).toEqual({
      last: { day: '2026-12-01', value: 4 },
      change: null,
    });
    expect(lastAndChange([])).toEqual({ last: null, change: null });
  });
});
