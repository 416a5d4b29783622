import { describe, expect, test } from 'vitest';
import { rangeDayList } from '@/lib/domain/chart-range';
import { budgetAxisFloor, errorBudgetBurnDown } from '@/lib/domain/error-budget';
import { errorBudgetRemaining } from '@/lib/domain/uptime';
import type { UptimeDay } from '@/lib/domain/uptime-series';

const now = new Date('2026-12-07T12:00:00Z');
const window = rangeDayList('30d', now);
const day = (date: string, checks: number, okChecks: number): UptimeDay => ({
  environmentId: 1,
  day: date,
  checks,
  okChecks,
  latencyP50Ms: null,
  latencyP95Ms: null,
});
// 1,000 checks a day for 30 days; a 99.9 % SLO allows 30 failures over the window.
const steady = window.map((date) => day(date, 1000, 1000));

describe('errorBudgetBurnDown', () => {
  test('starts whole, spends each day its failures, and ends on the window remaining', () => {
    const days = steady.map((item, index) =>
      index === 9 ? day(item.day, 1000, 994) : index === 19 ? day(item.day, 1000, 991) : item,
    );
    const budget = errorBudgetBurnDown(days, window, 99.9, null);
    expect(budget).toMatchObject({ from: '2026-11-08', to: '2026-12-07', checks: 30_000 });
    expect(budget.failures).toBe(15);
    expect(budget.allowedFailures).toBeCloseTo(30, 9);
    const left = budget.points.map((point) => point.remainingPct);
    expect(left[0]).toBeCloseTo(100, 9);
    expect(left[9]).toBeCloseTo(80, 9); // 6 of 30 spent
    expect(left[19]).toBeCloseTo(50, 9); // 15 of 30 spent
    expect(left[29]).toBeCloseTo(50, 9);
    expect(budget.remaining).toBeCloseTo(errorBudgetRemaining(29_985, 30_000, 99.9)!, 12);
    expect(budget.points).toHaveLength(30);
    expect(budget.exhaustsOn).toBeNull();
  });

  test('projects the current burn rate to the day it runs out', () => {
    const days = steady.map((item, index) => (index === 29 ? day(item.day, 1000, 985) : item));
    // Half the budget left; burning at 3× spends 10 % of it a day: gone in 5 days.
    const budget = errorBudgetBurnDown(days, window, 99.9, 3);
    expect(budget.remaining).toBeCloseTo(0.5, 9);
    expect(budget.exhaustsOn).toBe('2026-12-12');
    const projected = budget.points.slice(29).map((point) => point.projectedPct);
    expect(projected.map((value) => Math.round(value! * 1000) / 1000)).toEqual([
      50, 40, 30, 20, 10, 0,
    ]);
    expect(budget.points.slice(30).every((point) => point.remainingPct === null)).toBe(true);
  });

  test('projects at most 30 days ahead and names no day beyond them', () => {
    const budget = errorBudgetBurnDown(steady, window, 99.9, 0.5);
    // Untouched budget at 0.5×: 60 days to go.
    expect(budget.exhaustsOn).toBeNull();
    expect(budget.points).toHaveLength(60);
    expect(budget.points[59]!.projectedPct).toBeCloseTo(50, 9);
  });

  test('draws no projection when nothing burns or the budget is already spent', () => {
    expect(errorBudgetBurnDown(steady, window, 99.9, 0).points).toHaveLength(30);
    const spent = steady.map((item, index) => (index === 3 ? day(item.day, 1000, 900) : item));
    const overspent = errorBudgetBurnDown(spent, window, 99.9, 20);
    expect(overspent.remaining).toBeLessThan(0);
    expect(overspent.points).toHaveLength(30);
    expect(overspent.points[29]!.remainingPct).toBeCloseTo(-233.333, 2);
  });

  test('has no figure without checks', () => {
    const budget = errorBudgetBurnDown([], window, 99.9, null);
    expect(budget.remaining).toBeNull();
    expect(budget.points.every((point) => point.remainingPct === null)).toBe(true);
  });
});

describe('budgetAxisFloor', () => {
  test('is 0 while the budget lasts, and a round step below an overspent one', () => {
    const point = (remainingPct: number | null, projectedPct: number | null = null) => ({
      day: '2026-12-01',
      remainingPct,
      projectedPct,
    });
    expect(budgetAxisFloor([point(100), point(40), point(null, 0)])).toBe(0);
    expect(budgetAxisFloor([point(100), point(-79.2)])).toBe(-100);
    expect(budgetAxisFloor([point(-233.3)])).toBe(-300);
  });
});
