import type { NeonPlan } from '@/lib/domain/costs';

/**
 * Neon's published list prices for the usage-based plans (neon.com/pricing and
 * neon.com/docs/introduction/plans, plans introduced August 2025), in USD per billing unit, and how
 * each consumption_history v2 metric converts from its raw unit to that billing unit
 * (neon.com/docs/introduction/usage-calculations). Allowances (e.g. the first 100 GB of public
 * transfer each month) are not subtracted: the board shows what each day's usage is worth at
 * list price, which is what matters for comparing environments.
 */

export type NeonMetric =
  | 'compute_unit_seconds'
  | 'root_branch_bytes_month'
  | 'child_branch_bytes_month'
  | 'instant_restore_bytes_month'
  | 'public_network_transfer_bytes'
  | 'private_network_transfer_bytes'
  | 'extra_branches_month';

interface MetricPricing {
  /** The cost_samples.metric it is stored as. */
  metric: string;
  unit: string;
  /** Raw value → billing quantity, for a figure of the UTC day `day`. */
  toQuantity: (raw: number, day: string) => number;
  pricePerUnit: Record<NeonPlan, number>;
}

const BYTES_PER_GB = 1e9;

/** Hours in the calendar month of `day`: an hour's share of a GB-month or branch-month. */
export function hoursInMonth(day: string): number {
  const [year, month] = day.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month, 0)).getUTCDate() * 24;
}

// Storage and branch metrics arrive metered hourly (byte-hours, branch-hours); a day's figure is
// that day's share of a month, so daily rows add up to the month's bill.
const byteHoursToGbMonths = (raw: number, day: string) => raw / BYTES_PER_GB / hoursInMonth(day);

export const NEON_PRICING: Record<NeonMetric, MetricPricing> = {
  compute_unit_seconds: {
    metric: 'compute_hours',
    unit: 'CU-hour',
    toQuantity: (raw) => raw / 3600,
    pricePerUnit: { launch: 0.106, scale: 0.222 },
  },
  root_branch_bytes_month: {
    metric: 'root_branch_storage',
    unit: 'GB-month',
    toQuantity: byteHoursToGbMonths,
    pricePerUnit: { launch: 0.35, scale: 0.35 },
  },
  child_branch_bytes_month: {
    metric: 'child_branch_storage',
    unit: 'GB-month',
    toQuantity: byteHoursToGbMonths,
    pricePerUnit: { launch: 0.35, scale: 0.35 },
  },
  instant_restore_bytes_month: {
    metric: 'instant_restore',
    unit: 'GB-month',
    toQuantity: byteHoursToGbMonths,
    pricePerUnit: { launch: 0.2, scale: 0.2 },
  },
  public_network_transfer_bytes: {
    metric: 'public_transfer',
    unit: 'GB',
    toQuantity: (raw) => raw / BYTES_PER_GB,
    pricePerUnit: { launch: 0.1, scale: 0.1 },
  },
  private_network_transfer_bytes: {
    metric: 'private_transfer',
    unit: 'GB',
    toQuantity: (raw) => raw / BYTES_PER_GB,
    pricePerUnit: { launch: 0.01, scale: 0.01 },
  },
  extra_branches_month: {
    metric: 'extra_branches',
    unit: 'branch-month',
    toQuantity: (raw, day) => raw / hoursInMonth(day),
    pricePerUnit: { launch: 1.5, scale: 1.5 },
  },
};

/** Every priced metric, asked of the per-project endpoint. */
export const PROJECT_METRICS = Object.keys(NEON_PRICING) as NeonMetric[];

/** The per-branch endpoint (beta) answers only these (https://api-docs.neon.tech/reference/getconsumptionhistoryperproject). */
export const BRANCH_METRICS: NeonMetric[] = PROJECT_METRICS.filter(
  (metric) => metric !== 'extra_branches_month',
);

export function isPricedMetric(metric: string): metric is NeonMetric {
  return metric in NEON_PRICING;
}
