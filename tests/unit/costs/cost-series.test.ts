import { describe, expect, test } from 'vitest';
import { addDays } from '@/lib/domain/chart-range';
import {
  budgetPace,
  costPeriods,
  fillDays,
  monthlyTotals,
  monthSpend,
} from '@/lib/domain/cost-series';
import { type CostDay, monthRange, monthToDate } from '@/lib/domain/costs';

const day = (date: string, vercel: number, neon = 0): CostDay => ({
  day: date,
  totalUsd: vercel + neon,
  byProvider: { vercel, neon, github: 0, monitoring: 0 },
});

describe('fillDays', () => {
  test('lists every day of the span, days without spend as zero', () => {
    const filled = fillDays([day('2026-03-02', 5)], '2026-03-01', '2026-03-03');
    expect(filled.map((row) => [row.day, row.totalUsd])).toEqual([
      ['2026-03-01', 0],
      ['2026-03-02', 5],
      ['2026-03-03', 0],
    ]);
  });
});

describe('costPeriods', () => {
  const now = new Date('2026-03-10T12:00:00Z');

  test('gives one period per day of a 7-day range, by provider, ignoring older days', () => {
    const periods = costPeriods(
      [day('2026-03-01', 100), day('2026-03-04', 2, 1), day('2026-03-10', 3)],
      '7d',
      now,
    );
    expect(periods.map((row) => row.period)).toEqual(
      Array.from({ length: 7 }, (_, index) => addDays('2026-03-04', index)),
    );
    expect(periods[0]).toEqual({
      period: '2026-03-04',
      totalUsd: 3,
      byProvider: { vercel: 2, neon: 1, github: 0, monitoring: 0 },
    });
    expect(periods.at(-1)!.totalUsd).toBe(3);
    expect(periods.reduce((sum, row) => sum + row.totalUsd, 0)).toBe(6);
  });

  test('sums ISO weeks, starting on Monday, for 12 months', () => {
    // 2026-03-09 is a Monday; the 8th is the Sunday before.
    const periods = costPeriods(
      [day('2026-03-08', 1), day('2026-03-09', 2), day('2026-03-10', 4)],
      '12m',
      now,
    );
    expect(periods.at(-1)).toMatchObject({ period: '2026-03-09', totalUsd: 6 });
    expect(periods.at(-2)).toMatchObject({ period: '2026-03-02', totalUsd: 1 });
  });
});

describe('monthSpend', () => {
  const march = monthRange('2026-03');
  // February's last week at $2, March 1–10 at $4: the run rate is $4, the forecast 40 + 4 × 21.
  const days = [
    ...Array.from({ length: 7 }, (_, index) => day(addDays('2026-02-22', index), 2)),
    ...Array.from({ length: 10 }, (_, index) => day(addDays('2026-03-01', index), 4)),
  ];

  test('is cumulative to the last recorded day, then the forecast to the month end', () => {
    const spend = monthSpend(days, march, monthToDate(days, march, true), 100);
    expect(spend.monthToDateUsd).toBe(40);
    expect(spend.forecastUsd).toBe(124);
    expect(spend.days).toHaveLength(31);
    expect(spend.days[0]).toEqual({ day: '2026-03-01', actualUsd: 4, forecastUsd: null });
    // The forecast line starts where the actual spend ends, so the two join.
    expect(spend.days[9]).toEqual({ day: '2026-03-10', actualUsd: 40, forecastUsd: 40 });
    expect(spend.days[10]).toEqual({ day: '2026-03-11', actualUsd: null, forecastUsd: 44 });
    expect(spend.days.at(-1)!.forecastUsd).toBe(spend.forecastUsd);
  });

  test('marks the first day the forecast passes the budget', () => {
    const spend = monthSpend(days, march, monthToDate(days, march, true), 100);
    // 40 + 4 × 16 = 104 on the 26th; 100 on the 25th is not over.
    expect(spend.overBudgetFrom).toBe('2026-03-26');
    const roomy = monthSpend(days, march, monthToDate(days, march, true), 500);
    expect(roomy.overBudgetFrom).toBeNull();
  });

  test('forecasts from the days before the month when nothing is recorded yet', () => {
    const early = days.slice(0, 7);
    const spend = monthSpend(early, march, monthToDate(early, march, true), 100);
    expect(spend.lastDay).toBeNull();
    expect(spend.days[0]).toEqual({ day: '2026-03-01', actualUsd: null, forecastUsd: 2 });
    expect(spend.forecastUsd).toBe(62);
  });
});

describe('monthlyTotals', () => {
  test('lists 12 months up to the current one, oldest first, across a year boundary', () => {
    const totals = monthlyTotals(
      [day('2025-03-31', 50), day('2025-04-02', 1.5), day('2026-03-01', 2), day('2026-03-02', 3)],
      '2026-03',
    );
    expect(totals).toHaveLength(12);
    expect(totals[0]).toEqual({ month: '2025-04', totalUsd: 1.5 });
    expect(totals.at(-1)).toEqual({ month: '2026-03', totalUsd: 5 });
    expect(totals.find((row) => row.month === '2026-01')).toEqual({
      month: '2026-01',
      totalUsd: 0,
    });
  });
});

describe('budgetPace', () => {
  test('is the budget over the days of the month, per day or per week', () => {
    expect(budgetPace(93, monthRange('2026-03'), 'day')).toBe(3);
    expect(budgetPace(93, monthRange('2026-03'), 'week')).toBe(21);
  });
});
