import { addDays } from '@/lib/domain/costs';

/** Providers revise recent days as usage settles: each run reads again this many complete days. */
export const REREAD_DAYS = 2;
/** A first run looks back this far. */
export const BACKFILL_DAYS = 30;

export interface CostWindow {
  /** First day read, `YYYY-MM-DD`. */
  fromDay: string;
  /** Day after the last day read (exclusive): tomorrow, so today's partial figure is shown too. */
  toDay: string;
  /** The last complete day read: where the next run resumes, less REREAD_DAYS. */
  cursor: string;
}

const isDay = (value: string | null): value is string =>
  value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));

/**
 * Which days a cost sync reads: from REREAD_DAYS before the last complete day the previous run
 * read (or BACKFILL_DAYS back on a first run) through today, never more than `maxDays` days (the
 * provider's longest range for daily figures).
 */
export function costWindow(previousCursor: string | null, now: Date, maxDays: number): CostWindow {
  const today = now.toISOString().slice(0, 10);
  const wanted = isDay(previousCursor)
    ? addDays(previousCursor, 1 - REREAD_DAYS)
    : addDays(today, -BACKFILL_DAYS);
  const earliest = addDays(today, 1 - maxDays);
  const fromDay = wanted < earliest ? earliest : wanted > today ? today : wanted;
  return { fromDay, toDay: addDays(today, 1), cursor: addDays(today, -1) };
}

export const dayStart = (day: string) => new Date(`${day}T00:00:00Z`);
