/** Display formatting shared by pages, components and the API's human-readable fields. */

const usdFormat = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const usdWholeFormat = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0,
});

/** `$1,234.56`; `whole` drops the cents for big headline figures. */
export function usd(amount: number, { whole = false }: { whole?: boolean } = {}): string {
  return (whole ? usdWholeFormat : usdFormat).format(amount);
}

/** Between a figure and its unit: a space that never breaks, so "99.94 %" stays on one line. */
export const UNIT_SPACE = '\u00a0';

/**
 * A 0–1 ratio as a percentage: percent(0.9995, 2) → "99.95 %". Every percentage on the board
 * has this one form, a space before the sign as before "ms".
 */
export function percent(ratio: number, digits = 1): string {
  return pct(ratio * 100, digits);
}

/** A value already in percent (0–100): pct(99.65, 2) → "99.65 %"; null is "—". */
export function pct(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${value.toFixed(digits)}${UNIT_SPACE}%`;
}

/** Milliseconds as the two largest units: 83_000 → "1m 23s", 950 → "950 ms", 7_380_000 → "2h 3m". */
export function duration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms < 1000) return latency(ms);
  const totalSeconds = Math.round(ms / 1000);
  if (totalSeconds < 60) return `${totalSeconds}s`;
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (days > 0) return hours > 0 ? `${days}d ${hours}h` : `${days}d`;
  if (hours > 0) return minutes > 0 ? `${hours}h ${minutes}m` : `${hours}h`;
  return seconds > 0 ? `${minutes}m ${seconds}s` : `${minutes}m`;
}

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** Binary units with one decimal above bytes: 1_572_864 → "1.5 MB". */
export function bytes(value: number): string {
  let amount = value;
  let unit = 0;
  while (Math.abs(amount) >= 1024 && unit < BYTE_UNITS.length - 1) {
    amount /= 1024;
    unit += 1;
  }
  return unit === 0
    ? `${amount}${UNIT_SPACE}B`
    : `${amount.toFixed(1)}${UNIT_SPACE}${BYTE_UNITS[unit]}`;
}

/** The 7-character form GitHub shows. */
export function shortSha(sha: string): string {
  return sha.slice(0, 7);
}

const RELATIVE_STEPS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['week', 7 * 86_400],
  ['day', 86_400],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];
const relativeFormat = new Intl.RelativeTimeFormat('en', { numeric: 'auto', style: 'short' });

/** "3 hr. ago", "in 2 days", "now"; future and past both work. */
export function relativeTime(date: Date, now: Date = new Date()): string {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  if (Math.abs(seconds) < 45) return 'just now';
  for (const [unit, size] of RELATIVE_STEPS) {
    if (Math.abs(seconds) >= size) return relativeFormat.format(Math.trunc(seconds / size), unit);
  }
  return 'just now';
}

const exactFormat = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});

/** The exact instant, in UTC so server and browser agree: "25 Nov 2025, 12:06 UTC". */
export function exactTime(date: Date): string {
  return `${exactFormat.format(date)} UTC`;
}

/** Counts with thousands separators. */
export function count(value: number): string {
  return value.toLocaleString('en-US');
}

/** A count and its noun, singular for one: "1 incident", "25 deployments". */
export function counted(value: number, noun: string, nouns = `${noun}s`): string {
  return `${count(value)} ${value === 1 ? noun : nouns}`;
}

const compactUsdFormat = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  notation: 'compact',
  maximumFractionDigits: 1,
});

/** Axis money: `$1.2K` from a thousand up, `$16.95` below. */
export function usdCompact(amount: number): string {
  return Math.abs(amount) >= 1000 ? compactUsdFormat.format(amount) : usd(amount);
}

/** Latency: `92 ms` under a second, `1.2 s` above. */
export function latency(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  return ms < 1000 ? `${Math.round(ms)}${UNIT_SPACE}ms` : `${(ms / 1000).toFixed(1)}${UNIT_SPACE}s`;
}

const shortDayFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});

/** A UTC day (`YYYY-MM-DD`) as the axes show it: `6 Dec`. */
export function shortDay(day: string): string {
  return shortDayFormat.format(new Date(`${day}T00:00:00Z`));
}

/**
 * A test's path as the board shows it, one separator for every runner: vitest prints
 * `describe > it`, Playwright `describe › test`; both read "describe › it".
 */
export function testPath(name: string): string {
  return name.replace(/ > /g, ' › ');
}

/** A usage figure with its unit: `56.9 minutes`, `0.23 seat-months`, `2,134 GB`. */
export function quantity(amount: number, unit: string): string {
  const rounded = Math.round(amount * 100) / 100;
  return `${count(rounded)}${UNIT_SPACE}${unitFor(rounded, unit)}`;
}

/** Units counted in whole things take a plural: "minute" → "minutes", "CU-hour" → "CU-hours". */
const COUNTABLE_UNIT = /(month|hour|minute|second|day|seat|charge|invocation|request|build)$/;

/** A unit as it reads after `amount`: "1 seat-month", "0.23 seat-months", "9.36 GB". */
export function unitFor(amount: number, unit: string): string {
  if (amount === 1) return unit;
  if (COUNTABLE_UNIT.test(unit)) return `${unit}s`;
  if (unit.endsWith('branch')) return `${unit}es`;
  return unit;
}
