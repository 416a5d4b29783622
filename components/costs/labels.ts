import type { CostProvider } from '@/lib/domain/costs';

export const PROVIDER_LABEL: Record<CostProvider, string> = {
  vercel: 'Vercel',
  neon: 'Neon',
  github: 'GitHub Actions',
  monitoring: 'Monitoring',
};

const monthFormat = new Intl.DateTimeFormat('en-GB', {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const dayFormat = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});

/** "November 2026" for `2026-11`. */
export function monthLabel(month: string): string {
  return monthFormat.format(new Date(`${month}-01T00:00:00Z`));
}

/** "Tue 3 Nov" for `2026-11-03`. */
export function dayLabel(day: string): string {
  return dayFormat.format(new Date(`${day}T00:00:00Z`));
}
