import type { Random } from './random';

export const SECOND = 1_000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** How far back the demo reaches, uptime checks included. */
export const HISTORY_DAYS = 90;
export const CHECK_INTERVAL = 5 * MINUTE;

/** The seed's default clock: now, on the 5-minute mark, so uptime checks line up with it. */
export function floorToCheckInterval(date: Date): Date {
  return new Date(Math.floor(date.getTime() / CHECK_INTERVAL) * CHECK_INTERVAL);
}

export function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}

/** `YYYY-MM-DD` in UTC, the shape of a cost sample's day. */
export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function isWeekend(ms: number): boolean {
  const weekday = new Date(ms).getUTCDay();
  return weekday === 0 || weekday === 6;
}

export function daysInUtcMonth(ms: number): number {
  const date = new Date(ms);
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
}

/** The team sits in central Europe: most work happens between 07:00 and 17:30 UTC. */
export function workingTime(random: Random, dayStart: number, from = 7, to = 17.5): number {
  return dayStart + Math.round(random.float(from, to) * HOUR);
}

/** A moment in [from, to], on a weekday during working hours whenever the range allows it. */
export function workingMomentBetween(random: Random, from: number, to: number): number {
  for (let attempt = 0; attempt < 16; attempt += 1) {
    const at = random.float(from, to);
    const hour = (at - startOfUtcDay(at)) / HOUR;
    if (!isWeekend(at) && hour >= 7 && hour < 17.5) return Math.round(at);
  }
  return Math.round(random.float(from, to));
}

/** Weekday starts (UTC midnight) between two instants, oldest first. */
export function weekdaysBetween(from: number, to: number): number[] {
  const days: number[] = [];
  for (let day = startOfUtcDay(from); day < to; day += DAY) {
    if (!isWeekend(day)) days.push(day);
  }
  return days;
}
