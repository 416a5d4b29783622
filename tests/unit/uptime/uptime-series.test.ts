import { describe, expect, test } from 'vitest';
import {
  availabilityAxisFloor,
  availabilityPeriods,
  availabilityState,
  dailyLatency,
  incidentBands,
  zoomedAxisFloor,
  rangeUptime,
  type UptimeDay,
} from '@/lib/domain/uptime-series';

const day = (
  date: string,
  checks: number,
  okChecks: number,
  p50: number | null = 90,
): UptimeDay => ({
  environmentId: 1,
  day: date,
  checks,
  okChecks,
  latencyP50Ms: p50,
  latencyP95Ms: p50 === null ? null : p50 * 2,
});

describe('availabilityState', () => {
  test('is green at or above the SLO, amber below it, red under 99 %', () => {
    expect(availabilityState(100, 99.9)).toBe('ok');
    expect(availabilityState(99.9, 99.9)).toBe('ok');
    expect(availabilityState(99.5, 99.9)).toBe('warning');
    expect(availabilityState(98.9, 99.9)).toBe('bad');
    expect(availabilityState(null, 99.9)).toBeNull();
  });

  test('meeting a looser SLO stays green even under 99 %', () => {
    expect(availabilityState(98.6, 98.5)).toBe('ok');
  });
});

describe('availabilityPeriods', () => {
  const days = [
    day('2026-12-01', 288, 288),
    day('2026-12-02', 288, 287),
    day('2026-12-07', 100, 90),
  ];

  test('gives every day of the range, with checks, failures and a state', () => {
    const periods = availabilityPeriods(
      days,
      ['2026-12-01', '2026-12-02', '2026-12-03'],
      'day',
      99.9,
    );
    expect(periods).toEqual([
      { period: '2026-12-01', checks: 288, okChecks: 288, failures: 0, pct: 100, state: 'ok' },
      {
        period: '2026-12-02',
        checks: 288,
        okChecks: 287,
        failures: 1,
        pct: (287 / 288) * 100,
        state: 'warning',
      },
      { period: '2026-12-03', checks: 0, okChecks: 0, failures: 0, pct: null, state: null },
    ]);
  });

  test('sums days into ISO weeks from Monday', () => {
    // 30 Nov 2026 is a Monday: the 1st, 2nd and 7th fall in its week and the next one.
    const weeks = availabilityPeriods(days, ['2026-11-30', '2026-12-07'], 'week', 99.9);
    expect(weeks.map((week) => [week.period, week.checks, week.failures, week.state])).toEqual([
      ['2026-11-30', 576, 1, 'warning'],
      ['2026-12-07', 100, 10, 'bad'],
    ]);
  });

  test('the range figure and its verdict come from the same sums', () => {
    const periods = availabilityPeriods(
      days,
      ['2026-12-01', '2026-12-02', '2026-12-07'],
      'day',
      99,
    );
    const window = rangeUptime(periods, 99);
    expect(window).toMatchObject({ okChecks: 665, totalChecks: 676, status: 'breaching' });
    expect(window.pct).toBeCloseTo((665 / 676) * 100, 9);
  });
});

describe('zoomedAxisFloor', () => {
  test('starts the axis a round step × 4 below its top', () => {
    expect(zoomedAxisFloor(98.26)).toBe(98);
    expect(zoomedAxisFloor(91.67)).toBe(90);
    expect(zoomedAxisFloor(41)).toBe(20);
    expect(zoomedAxisFloor(-31.4)).toBe(-100);
    expect(zoomedAxisFloor(100)).toBe(98);
  });
});

describe('availabilityAxisFloor', () => {
  test('keeps 98.5 % in view, and lowers to the worst day', () => {
    const good = availabilityPeriods([day('2026-12-01', 10, 10)], ['2026-12-01'], 'day', 99.9);
    expect(availabilityAxisFloor(good, 99.9)).toBe(98);
    const bad = availabilityPeriods([day('2026-12-01', 10, 9)], ['2026-12-01'], 'day', 99.9);
    expect(availabilityAxisFloor(bad, 99.9)).toBe(90);
  });
});

describe('dailyLatency', () => {
  test('gives each day its percentiles, and none to a day without successful checks', () => {
    expect(
      dailyLatency(
        [day('2026-12-01', 5, 5, 80), day('2026-12-02', 5, 0, null)],
        ['2026-12-01', '2026-12-02', '2026-12-03'],
      ),
    ).toEqual([
      { period: '2026-12-01', p50: 80, p95: 160 },
      { period: '2026-12-02', p50: null, p95: null },
      { period: '2026-12-03', p50: null, p95: null },
    ]);
  });
});

describe('incidentBands', () => {
  const days = ['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04'];
  const incident = (startedAt: string, resolvedAt: string | null) => ({ startedAt, resolvedAt });

  test('spans the days from start to resolution, and to the last day while ongoing', () => {
    const bands = incidentBands(
      [
        incident('2026-12-02T23:50:00Z', '2026-12-03T00:20:00Z'),
        incident('2026-12-04T10:00:00Z', null),
      ],
      days,
      'day',
    );
    expect(bands.map(({ from, to }) => [from, to])).toEqual([
      ['2026-12-02', '2026-12-03'],
      ['2026-12-04', '2026-12-04'],
    ]);
  });

  test('clips to the range and drops what lies outside it', () => {
    const bands = incidentBands(
      [
        incident('2026-11-30T10:00:00Z', '2026-12-01T01:00:00Z'),
        incident('2026-11-20T10:00:00Z', '2026-11-20T11:00:00Z'),
      ],
      days,
      'day',
    );
    expect(bands.map(({ from, to }) => [from, to])).toEqual([['2026-12-01', '2026-12-01']]);
  });

  test('falls on ISO weeks by their Monday', () => {
    const bands = incidentBands(
      [incident('2026-12-03T10:00:00Z', '2026-12-03T11:00:00Z')],
      ['2026-11-30', '2026-12-07'],
      'week',
    );
    expect(bands.map(({ from, to }) => [from, to])).toEqual([['2026-11-30', '2026-11-30']]);
  });
});
