import { describe, expect, it } from 'vitest';
import { createRandom, hashString, mulberry32 } from '@/lib/demo/random';

const draws = (seed: number, count = 5) => {
  const next = mulberry32(seed);
  return Array.from({ length: count }, () => next());
};

describe('seeded random', () => {
  it('repeats the same sequence for the same seed', () => {
    expect(draws(42)).toEqual(draws(42));
  });

  it('gives a different sequence for another seed', () => {
    expect(draws(42)).not.toEqual(draws(43));
  });

  it('stays in [0, 1)', () => {
    for (const value of draws(7, 10_000)) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });

  it('keeps int() within both bounds and reaches each of them', () => {
    const random = createRandom(1);
    const seen = new Set(Array.from({ length: 2_000 }, () => random.int(3, 6)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('forks streams that depend on the label, not on what was drawn before', () => {
    const untouched = createRandom(9);
    const used = createRandom(9);
    used.next();
    used.next();
    expect(untouched.fork('costs').next()).toBe(used.fork('costs').next());
    expect(untouched.fork('costs').next()).not.toBe(untouched.fork('uptime').next());
  });

  it('centres normal() on the mean and logNormal() on the median', () => {
    const random = createRandom(5);
    const normals = Array.from({ length: 20_000 }, () => random.normal(10, 2));
    const mean = normals.reduce((sum, value) => sum + value, 0) / normals.length;
    expect(mean).toBeCloseTo(10, 1);
    const logNormals = Array.from({ length: 20_001 }, () => random.logNormal(100, 0.5)).sort(
      (a, b) => a - b,
    );
    expect(logNormals[10_000]).toBeGreaterThan(95);
    expect(logNormals[10_000]).toBeLessThan(105);
  });

  it('picks weighted values in proportion to their weights', () => {
    const random = createRandom(3);
    const picks = Array.from({ length: 10_000 }, () =>
      random.weighted([
        ['a', 3],
        ['b', 1],
      ] as const),
    );
    const share = picks.filter((pick) => pick === 'a').length / picks.length;
    expect(share).toBeGreaterThan(0.72);
    expect(share).toBeLessThan(0.78);
  });

  it('hashes labels to stable 32-bit seeds', () => {
    expect(hashString('costs')).toBe(hashString('costs'));
    expect(hashString('costs')).not.toBe(hashString('uptime'));
    expect(hashString('costs')).toBeLessThan(2 ** 32);
  });
});
