import { describe, expect, test } from 'vitest';
import {
  addDays,
  budgetStatus,
  forecastMonthUsd,
  monthRange,
  monthsBetween,
} from '@/lib/domain/costs';

describe('forecastMonthUsd', () => {
  test('adds the trailing daily average for every day still to come', () => {
    expect(
      forecastMonthUsd({
        monthToDateUsd: 40,
        daysInMonth: 31,
        daysCovered: 10,
        trailingDailyUsd: [3, 4, 5, 4, 3, 4, 5],
      }),
    ).toBe(40 + 4 * 21);
  });

  test('averages only the last 7 days it is given', () => {
    expect(
      forecastMonthUsd({
        monthToDateUsd: 100,
        daysInMonth: 30,
        daysCovered: 20,
        trailingDailyUsd: [50, 50, 1, 1, 1, 1, 1, 1, 1],
      }),
    ).toBe(110);
  });

  test('averages over the days with data when fewer than 7 exist', () => {
    expect(
      forecastMonthUsd({
        monthToDateUsd: 6,
        daysInMonth: 30,
        daysCovered: 2,
        trailingDailyUsd: [2, 4],
      }),
    ).toBe(6 + 3 * 28);
  });

  test('is the month to date when the month is covered or nothing is known', () => {
    expect(
      forecastMonthUsd({
        monthToDateUsd: 80,
        daysInMonth: 30,
        daysCovered: 30,
        trailingDailyUsd: [5],
      }),
    ).toBe(80);
    expect(
      forecastMonthUsd({
        monthToDateUsd: 0,
        daysInMonth: 30,
        daysCovered: 0,
        trailingDailyUsd: [],
      }),
    ).toBe(0);
  });

  test('rounds to cents', () => {
    expect(
      forecastMonthUsd({
        monthToDateUsd: 1,
        daysInMonth: 31,
        daysCovered: 1,
        trailingDailyUsd: [1, 1, 2],
      }),
    ).toBe(41);
    expect(
      forecastMonthUsd({
        monthToDateUsd: 0.1,
        daysInMonth: 3,
        daysCovered: 1,
        trailingDailyUsd: [1 / 3],
      }),
    ).toBe(0.77);
  });
});

describe('budgetStatus', () => {
  test('says over once spend passes the budget, forecast-over when heading there, else under', () => {
    expect(budgetStatus(101, 150, 100)).toBe('over');
    expect(budgetStatus(60, 120, 100)).toBe('forecast-over');
    expect(budgetStatus(60, 100, 100)).toBe('under');
  });
});

describe('month arithmetic', () => {
  test('knows the length of each month, leap years included', () => {
    expect(monthRange('2026-02')).toEqual({
      month: '2026-02',
      start: '2026-02-01',
      end: '2026-02-28',
      daysInMonth: 28,
    });
    expect(monthRange('2028-02').daysInMonth).toBe(29);
    expect(monthRange('2026-12').end).toBe('2026-12-31');
  });

  test('shifts days across month and year boundaries', () => {
    expect(addDays('2026-03-01', -7)).toBe('2026-02-22');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  test('lists months newest first across a year boundary', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual([
      '2026-02',
      '2026-01',
      '2025-12',
      '2025-11',
    ]);
    expect(monthsBetween('2026-02', '2026-02')).toEqual(['2026-02']);
  });
});
