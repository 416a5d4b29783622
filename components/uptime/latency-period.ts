import { shortDay } from '@/lib/format';

/** An hour as `6 Dec 13:00 UTC`, a day as `6 Dec`: the tooltip and the table say the same. */
export function latencyPeriodLabel(period: string, grain: 'hour' | 'day'): string {
  if (grain === 'day') return shortDay(period);
  return `${shortDay(period.slice(0, 10))} ${period.slice(11, 16)} UTC`;
}
