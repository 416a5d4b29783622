import { sentenceCase } from '@/lib/domain/sentence-case';
import type { CostProvider } from '@/lib/domain/costs';

export const PROVIDER_LABEL: Record<CostProvider, string> = {
  vercel: 'Vercel',
  neon: 'Neon',
  github: 'GitHub Actions',
  monitoring: 'Monitoring',
};

/** Providers as a sentence names them: "Vercel, Neon and monitoring spend". */
const PROVIDER_IN_SENTENCE: Record<CostProvider, string> = {
  ...PROVIDER_LABEL,
  monitoring: 'monitoring',
};

/** Whose spend the page shows, naming only the providers that have lines. */
export function costsDescription(providers: readonly CostProvider[]): string {
  if (providers.length === 0) return 'Spend against the monthly budget, in USD: no cost lines yet.';
  const names = providers.map((provider) => PROVIDER_IN_SENTENCE[provider]);
  const list =
    names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `${sentenceCase(list)} spend against the monthly budget, in USD.`;
}

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
