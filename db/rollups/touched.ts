import type { Database } from '../client';
import { type DaySpan, type Rollup, refreshRollup, utcDay } from './refresh';

/** A raw row a write stored or changed: its project and the instant its rollup counts it at. */
export interface Touch {
  projectId: number;
  at: Date;
}

const DAY_MS = 86_400_000;

/**
 * Days this close are refreshed as one span: a recompute of the few untouched days between
 * costs less than another round trip. Further apart (a late report weeks old in a batch of
 * today's), each group is its own span, so the recompute never walks the history between.
 */
const JOIN_GAP_DAYS = 7;

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;

export { addDays } from '@/lib/domain/chart-range';

/** Spans sorted and joined where they overlap or lie within JOIN_GAP_DAYS of each other. */
export function mergeSpans(spans: readonly DaySpan[]): DaySpan[] {
  const sorted = [...spans].sort((a, b) => a.from.localeCompare(b.from));
  const merged: DaySpan[] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last && dayNumber(span.from) - dayNumber(last.to) <= JOIN_GAP_DAYS) {
      if (span.to > last.to) last.to = span.to;
    } else merged.push({ ...span });
  }
  return merged;
}

/** Distinct UTC days grouped into spans: days within JOIN_GAP_DAYS of each other share one. */
export function daySpans(days: Iterable<string>): DaySpan[] {
  return mergeSpans([...new Set(days)].map((day) => ({ from: day, to: day })));
}

/** Each project's touched days as spans, in project order. */
export function touchedSpans(touches: readonly Touch[]): { projectId: number; spans: DaySpan[] }[] {
  const days = new Map<number, string[]>();
  for (const { projectId, at } of touches) {
    const list = days.get(projectId) ?? [];
    list.push(utcDay(at));
    days.set(projectId, list);
  }
  return [...days.entries()]
    .sort(([a], [b]) => a - b)
    .map(([projectId, list]) => ({ projectId, spans: daySpans(list) }));
}

/**
 * Recomputes `rollup` for the days a write touched: once per project and span however many rows
 * the batch held. Run it in the transaction of the write, so the raw rows and their summary
 * commit together.
 */
export async function refreshTouched(
  db: Database,
  rollup: Rollup,
  touches: readonly Touch[],
): Promise<void> {
  for (const { projectId, spans } of touchedSpans(touches)) {
    for (const span of spans) await refreshRollup(db, rollup, projectId, span);
  }
}
