import { describe, expect, test } from 'vitest';
import {
  BURN_RATE_ALERTS,
  BURN_WINDOWS,
  type BurnWindow,
  burnRate,
  readBurnRates,
  type WindowChecks,
} from '@/lib/domain/burn-rate';

describe('burnRate', () => {
  test('is the error rate over the rate the SLO allows', () => {
    // 1 failure in 1,000 checks is exactly what a 99.9 % SLO allows.
    expect(burnRate(999, 1000, 99.9)).toBeCloseTo(1, 10);
    // 12 failures of 288 checks (a day of 5-minute checks): 4.1667 % ÷ 0.1 % = 41.67.
    expect(burnRate(276, 288, 99.9)).toBeCloseTo(41.6667, 3);
    // A 99 % SLO allows ten times more: the same day burns at 4.17.
    expect(burnRate(276, 288, 99)).toBeCloseTo(4.16667, 4);
    expect(burnRate(100, 100, 99.9)).toBe(0);
  });

  test('is unknown without checks, or when the SLO allows no failure', () => {
    expect(burnRate(0, 0, 99.9)).toBeNull();
    expect(burnRate(9, 10, 100)).toBeNull();
  });
});

describe('the alert table', () => {
  test('holds the SRE workbook pairs and factors', () => {
    expect(BURN_RATE_ALERTS.map((alert) => [alert.long, alert.short, alert.threshold])).toEqual([
      ['1h', '5m', 14.4],
      ['6h', '30m', 6],
      ['1d', '2h', 3],
      ['3d', '6h', 1],
    ]);
  });
});

function checks(overrides: Partial<Record<BurnWindow, WindowChecks>>) {
  const healthy = (total: number) => ({ okChecks: total, totalChecks: total });
  const base = Object.fromEntries(BURN_WINDOWS.map((window) => [window, healthy(100)]));
  return { ...base, ...overrides } as Record<BurnWindow, WindowChecks>;
}

describe('readBurnRates', () => {
  test('fires an alert only when both its windows burn faster than its factor', () => {
    const readings = readBurnRates(
      checks({
        // 1 h: 2 of 12 failed = 166.7×; 5 min: its one check failed = 1000×: the page fires.
        '1h': { okChecks: 10, totalChecks: 12 },
        '5m': { okChecks: 0, totalChecks: 1 },
        // 6 h: 2 of 72 = 27.8× but the last 30 minutes are healthy: it has stopped.
        '6h': { okChecks: 70, totalChecks: 72 },
        '30m': { okChecks: 6, totalChecks: 6 },
        // 1 d: 2 of 288 = 6.9×, 2 h: 2 of 24 = 83.3×: the ticket fires.
        '1d': { okChecks: 286, totalChecks: 288 },
        '2h': { okChecks: 22, totalChecks: 24 },
      }),
      99.9,
    );
    expect(readings.map((reading) => reading.firing)).toEqual([true, false, true, false]);
    expect(readings[0]!.longRate).toBeCloseTo(166.667, 2);
    expect(readings[1]!.shortRate).toBe(0);
    expect(readings[2]!.longRate).toBeCloseTo(6.944, 2);
    expect(readings[0]!).toMatchObject({ longChecks: 12, shortChecks: 1, severity: 'page' });
  });

  test('never fires on a window without checks', () => {
    const readings = readBurnRates(checks({ '5m': { okChecks: 0, totalChecks: 0 } }), 99.9);
    expect(readings[0]).toMatchObject({ shortRate: null, firing: false });
  });
});
