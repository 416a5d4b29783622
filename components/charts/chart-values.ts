import { count, duration, latency, percent, shortDay, usd, usdCompact } from '@/lib/format';

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
      return value >= 99 ? `${value.toFixed(2)} %` : `${value.toFixed(1)} %`;
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

/** Compact, for axis ticks. */
export function formatTick(unit: ChartUnit, value: number): string {
  if (unit === 'usd') return usdCompact(value);
  if (unit === 'percent') return `${Number.isInteger(value) ? value : value.toFixed(1)} %`;
  return formatValue(unit, value);
}

export { shortDay };
