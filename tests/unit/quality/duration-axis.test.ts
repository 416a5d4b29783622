import { describe, expect, test } from 'vitest';
import { durationTicks, formatTick, formatValue } from '@/components/charts/chart-values';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

describe('duration values', () => {
  test('read as a job’s length in tooltips and tables', () => {
    expect(formatValue('duration', 192 * SECOND)).toBe('3m 12s');
    expect(formatValue('duration', 45 * SECOND)).toBe('45s');
    expect(formatValue('duration', null)).toBe('—');
  });

  test('the axis starts at a bare 0', () => {
    expect(formatTick('duration', 0)).toBe('0');
    expect(formatTick('duration', 2 * MINUTE)).toBe('2m');
  });
});

describe('durationTicks', () => {
  test('falls on whole minutes or seconds, reaching past the largest value', () => {
    expect(durationTicks(4 * MINUTE + 14 * SECOND)).toEqual(
      [0, 1, 2, 3, 4, 5].map((m) => m * MINUTE),
    );
    expect(durationTicks(2 * MINUTE + 20 * SECOND)).toEqual(
      [0, 30, 60, 90, 120, 150].map((s) => s * SECOND),
    );
    expect(durationTicks(7.5 * MINUTE)).toEqual([0, 2, 4, 6, 8].map((m) => m * MINUTE));
  });

  test('keeps one step when there is nothing to draw', () => {
    expect(durationTicks(0)).toEqual([0, SECOND]);
  });
});
