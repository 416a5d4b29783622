import { describe, expect, test } from 'vitest';
import { roundTicks } from '@/components/charts/chart-values';

describe('roundTicks', () => {
  test('steps by 1, 2, 2.5 or 5 times a power of ten and ends at or above the largest value', () => {
    expect(roundTicks(3.4)).toEqual([0, 1, 2, 3, 4]);
    expect(roundTicks(100)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(roundTicks(31)).toEqual([0, 10, 20, 30, 40]);
    expect(roundTicks(0.12)).toEqual([0, 0.025, 0.05, 0.075, 0.1, 0.125]);
  });

  test('counts step by whole numbers', () => {
    expect(roundTicks(3, true)).toEqual([0, 1, 2, 3]);
  });

  test('an empty or zero axis still has a scale', () => {
    expect(roundTicks(0)).toEqual([0, 1]);
    expect(roundTicks(Number.NaN)).toEqual([0, 1]);
  });
});
