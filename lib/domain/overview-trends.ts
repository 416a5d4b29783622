/** The overview's sparklines: a few days of one figure each, read from the daily rollups. */

export interface DayValue {
  /** `YYYY-MM-DD`, a UTC day. */
  day: string;
  /** Null on a day with nothing to measure (no uptime checks). */
  value: number | null;
}

export interface OverviewTrends {
  /** Spend so far this month, cumulative by day, against the monthly budget. */
  cost: { budgetUsd: number; days: DayValue[] };
  /** Production availability by day, 0–100, against the SLO. */
  uptime: { sloPct: number; days: DayValue[] };
  /** Deployments created a day, every environment. */
  deployments: { days: DayValue[] };
}

/** Running totals: day i holds the sum of days 0…i. */
export function cumulative(days: readonly DayValue[]): DayValue[] {
  let total = 0;
  return days.map(({ day, value }) => {
    total += value ?? 0;
    return { day, value: total };
  });
}

/** The last measured value and how it moved from the measured day before it. */
export function lastAndChange(days: readonly DayValue[]): {
  last: DayValue | null;
  change: number | null;
} {
  const measured = days.filter((day) => day.value !== null);
  const last = measured.at(-1) ?? null;
  const previous = measured.at(-2);
  return {
    last,
    change: last && previous ? last.value! - previous.value! : null,
  };
}
