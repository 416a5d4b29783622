import { count, duration, latency, pct, percent, shortDay, usd, usdCompact } from '@/lib/format';

/**
 * What a chart's numbers are. Charts are client components and take this name rather than a
 * function, so the server can choose it; both format through lib/format, like the tables.
 */
export type ChartUnit = 'usd' | 'percent' | 'ms' | 'count' | 'ratio' | 'duration';

/**
 * Full precision, for tooltips and tables. `percent` values are 0–100, `ratio` 0–1; `ms` is a
 * latency (`92 ms`, `1.2 s`), `duration` a job's length in milliseconds (`3m 12s`).
 */
export function formatValue(unit: ChartUnit, value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  switch (unit) {
    case 'usd':
      return usd(value);
    case 'percent':
      return pct(value, value >= 99 ? 2 : 1);
    case 'ratio':
      return percent(value);
    case 'ms':
      return latency(value);
    case 'count':
      return count(Math.round(value));
    case 'duration':
      return duration(value);
  }
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
/** Steps a duration axis reads at a glance: 30 s, 1 m, 2 m, 5 m… */
const DURATION_STEPS = [1, 2, 5, 10, 15, 30]
  .map((n) => n * SECOND)
  .concat([1, 2, 5, 10, 15, 30, 60, 120, 240].map((n) => n * MINUTE));

/**
 * Ticks for a duration axis from 0 to at least `max`, on whole seconds or minutes (0, 1m, 2m…),
 * at most six of them: the default ticks fall on round milliseconds (1m 5s, 2m 10s).
 */
export function durationTicks(max: number): number[] {
  const step = DURATION_STEPS.find((candidate) => candidate * 5 >= max) ?? DURATION_STEPS.at(-1)!;
  const count = Math.max(1, Math.ceil(max / step));
  return Array.from({ length: count + 1 }, (_, index) => index * step);
}

/**
 * Ticks from 0 to at least `max` on round steps (1, 2, 2.5 or 5 × a power of ten), at most six
 * of them: left to itself the axis ends on the largest value and steps by its quarters ($0.85,
 * $1.70…).
 */
export function roundTicks(max: number, wholeNumbers = false): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  let step = [1, 2, 2.5, 5, 10].map((factor) => factor * power).find((step) => step >= rough)!;
  if (wholeNumbers) step = Math.max(1, Math.ceil(step));
  const count = Math.max(1, Math.ceil(max / step - 1e-9));
  return Array.from({ length: count + 1 }, (_, index) => Number((index * step).toPrecision(12)));
}

/** Compact, for axis ticks. */
export function formatTick(unit: ChartUnit, value: number): string {
  if (unit === 'usd') return usdCompact(value);
  if (unit === 'percent') return `${Number.isInteger(value) ? value : value.toFixed(1)} %`;
  if (unit === 'duration' && value === 0) return '0';
  return formatValue(unit, value);
}

export { shortDay };
