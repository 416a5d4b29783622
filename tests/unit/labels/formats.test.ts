import { describe, expect, test } from 'vitest';
import { counted, duration, latency, pct, percent, testPath } from '@/lib/format';

describe('one format each', () => {
  test('percentages have one form, with a space before the sign', () => {
    expect(percent(0.9965, 2)).toBe('99.65\u00a0%');
    expect(pct(99.65, 2)).toBe('99.65\u00a0%');
    expect(pct(null)).toBe('—');
  });

  test('a sub-second duration reads as a latency does', () => {
    expect(duration(92)).toBe('92\u00a0ms');
    expect(latency(92)).toBe('92\u00a0ms');
    expect(latency(1234)).toBe('1.2\u00a0s');
  });

  test('a test path has one separator whatever runner reported it', () => {
    expect(testPath('cart > adds an item')).toBe('cart › adds an item');
    expect(testPath('checkout › pays with a saved card')).toBe('checkout › pays with a saved card');
    expect(testPath('a > b > c')).toBe('a › b › c');
  });
});

describe('counted', () => {
  test('says one thing in the singular', () => {
    expect(counted(1, 'incident')).toBe('1 incident');
    expect(counted(25, 'deployment')).toBe('25 deployments');
    expect(counted(1200, 'cost spike')).toBe('1,200 cost spikes');
  });
});
