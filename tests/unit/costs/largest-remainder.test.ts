import { describe, expect, it } from 'vitest';
import { largestRemainder } from '@/lib/costs/largest-remainder';
import { mulberry32 } from '@/lib/demo/mulberry32';

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

describe('largestRemainder', () => {
  it('splits evenly when the total divides', () => {
    expect(largestRemainder(300, [1, 1, 1])).toEqual([100, 100, 100]);
  });

  it('gives the leftover units to the largest remainders', () => {
    // Exact shares 33.33…, 33.33…, 33.33… → one unit left, to the first of the tied parts.
    expect(largestRemainder(100, [1, 1, 1])).toEqual([34, 33, 33]);
    // Exact shares 1.5, 2.25, 6.25 → floors 1, 2, 6; one left goes to .5.
    expect(largestRemainder(10, [6, 9, 25])).toEqual([2, 2, 6]);
  });

  it('breaks ties by position, so the same input always splits the same way', () => {
    expect(largestRemainder(1, [5, 5])).toEqual([1, 0]);
    expect(largestRemainder(1, [5, 5])).toEqual(largestRemainder(1, [5, 5]));
  });

  it('gives nothing to a zero weight and everything to a single part', () => {
    expect(largestRemainder(7, [0, 3, 0])).toEqual([0, 7, 0]);
    expect(largestRemainder(12345, [0.2])).toEqual([12345]);
  });

  it('splits a zero total into zeros, even among zero weights', () => {
    expect(largestRemainder(0, [0, 0])).toEqual([0, 0]);
    expect(largestRemainder(0, [])).toEqual([]);
  });

  it('splits a credit with the signs turned around', () => {
    expect(largestRemainder(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
  });

  it('refuses what cannot be split exactly', () => {
    expect(() => largestRemainder(5, [0, 0])).toThrow(/zero weights/);
    expect(() => largestRemainder(1.5, [1])).toThrow(/whole number/);
    expect(() => largestRemainder(5, [1, -1])).toThrow(/not negative/);
  });

  it('always sums exactly to the total over many random splits', () => {
    const random = mulberry32(42);
    for (let round = 0; round < 500; round++) {
      const total = Math.floor(random() * 1_000_000);
      const weights = Array.from({ length: 1 + Math.floor(random() * 12) }, () => random() * 50);
      const parts = largestRemainder(total, weights);
      expect(sum(parts)).toBe(total);
      parts.forEach((part, i) => {
        const exact = (total * weights[i]!) / sum(weights);
        expect(Math.abs(part - exact)).toBeLessThan(1);
      });
    }
  });
});
