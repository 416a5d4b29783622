import { COST_PROVIDERS, type CostProvider } from './costs';
import { sentenceCase } from './sentence-case';

/**
 * The providers that have cost lines, in the board's provider order: only these are named where
 * the page says whose spend it shows.
 */
export function providersWithLines(
  groups: Iterable<Partial<Record<CostProvider, number>>>,
): CostProvider[] {
  const seen = new Set<CostProvider>();
  for (const group of groups) {
    for (const provider of COST_PROVIDERS) {
      if ((group[provider] ?? 0) !== 0) seen.add(provider);
    }
  }
  return COST_PROVIDERS.filter((provider) => seen.has(provider));
}

/** Metric names as the price lists write them, in words (https://neon.com/pricing, Vercel's FOCUS export). */
const METRIC_LABEL: Record<string, string> = {
  build_minutes: 'Build minutes',
  compute_hours: 'Compute hours',
  child_branch_storage: 'Child branch storage',
  root_branch_storage: 'Root branch storage',
  extra_branches: 'Extra branches',
  instant_restore: 'Instant restore history',
  public_transfer: 'Public network transfer',
  private_transfer: 'Private network transfer',
  fast_data_transfer: 'Fast data transfer',
  function_invocations: 'Function invocations',
  uptime_monitoring: 'Uptime monitoring',
  seats: 'Seats',
  storage: 'Storage',
};

/** "Build minutes" for `build_minutes`; a metric not listed reads as its words, capitalised. */
export function costMetricLabel(metric: string): string {
  const known = METRIC_LABEL[metric];
  if (known) return known;
  const words = metric.replace(/[_-]+/g, ' ').trim();
  return words ? sentenceCase(words) : metric;
}
