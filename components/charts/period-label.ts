import { shortDay } from '@/lib/format';

/** A period as a table row names it: "6 Dec", or "Week of 30 Nov" (weeks start on Monday). */
export function periodLabel(period: string, grain: 'day' | 'week'): string {
  return grain === 'week' ? `Week of ${shortDay(period)}` : shortDay(period);
}
