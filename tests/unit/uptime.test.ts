import { describe, expect, test } from 'vitest';
import {
  errorBudgetRemaining,
  incidentDurationMs,
  sloStatus,
  uptimePct,
  windowUptime,
} from '@/lib/domain/uptime';

describe('uptimePct', () => {
  test('is the share of successful checks, and unknown without checks', () => {
    expect(uptimePct(999, 1000)).toBeCloseTo(99.9);
    expect(uptimePct(0, 0)).toBeNull();
  });
});

describe('sloStatus', () => {
  test('meets the SLO at or above it, breaches below it, has no verdict without data', () => {
    expect(sloStatus(99.9, 99.9)).toBe('meeting');
    expect(sloStatus(99.89, 99.9)).toBe('breaching');
    expect(sloStatus(null, 99.9)).toBe('no-data');
  });

  test('windowUptime combines the figure and the verdict', () => {
    expect(windowUptime(285, 288, 99.9)).toMatchObject({ status: 'breaching', totalChecks: 288 });
  });
});

describe('errorBudgetRemaining', () => {
  test('is 1 with no failures, 0 at the allowance, negative past it', () => {
    expect(errorBudgetRemaining(1000, 1000, 99.9)).toBe(1);
    expect(errorBudgetRemaining(999, 1000, 99.9)).toBeCloseTo(0);
    expect(errorBudgetRemaining(998, 1000, 99.9)).toBeCloseTo(-1);
    expect(errorBudgetRemaining(0, 0, 99.9)).toBeNull();
  });
});

describe('incidentDurationMs', () => {
  test('runs to the recovery check, or to now while ongoing', () => {
    const start = new Date('2026-03-01T10:00:00Z');
    expect(
      incidentDurationMs(start, new Date('2026-03-01T10:15:00Z'), new Date('2026-03-02T00:00:00Z')),
    ).toBe(15 * 60_000);
    expect(incidentDurationMs(start, null, new Date('2026-03-01T10:05:00Z'))).toBe(5 * 60_000);
  });
});
