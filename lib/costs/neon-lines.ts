import type { ConsumptionSample } from '@/lib/providers/neon/client';
import type { CostLine } from './attribution';
import { largestRemainder } from './largest-remainder';
import { usdToUnits } from './money';
import type { NeonPlan } from '@/lib/domain/costs';
import { isPricedMetric, NEON_PRICING } from './neon-prices';

export interface NeonLineInput {
  /** Figures from the per-project endpoint: the totals Neon bills. */
  projectSamples: readonly ConsumptionSample[];
  /** Figures from the per-branch endpoint, for the metrics it supports. */
  branchSamples: readonly ConsumptionSample[];
  /** Neon branch id → the environment that uses it. */
  environmentOfBranch: ReadonlyMap<string, number>;
  plan: NeonPlan;
}

interface Figure {
  day: string;
  metric: string;
  total: number | undefined;
  byEnvironment: Map<number, number>;
}

/**
 * Neon's daily figures as priced cost lines. A branch that belongs to an environment charges that
 * environment directly; what is left of the project's total (the default branch when no
 * environment claims it, branches of no environment, project-only metrics such as extra branches)
 * stays shared. Branch figures that arrive after the project total has been revised downwards are
 * capped at that total rather than inventing a negative remainder.
 */
export function neonCostLines(input: NeonLineInput): CostLine[] {
  const figures = new Map<string, Figure>();
  const figure = (sample: ConsumptionSample) => {
    const day = sample.timeframeStart.slice(0, 10);
    const key = `${day}|${sample.metric}`;
    let found = figures.get(key);
    if (!found) {
      found = { day, metric: sample.metric, total: undefined, byEnvironment: new Map() };
      figures.set(key, found);
    }
    return found;
  };
  for (const sample of input.projectSamples) {
    if (!isPricedMetric(sample.metric)) continue;
    const found = figure(sample);
    found.total = (found.total ?? 0) + sample.value;
  }
  for (const sample of input.branchSamples) {
    if (!isPricedMetric(sample.metric) || sample.branchId === null) continue;
    const environmentId = input.environmentOfBranch.get(sample.branchId);
    if (environmentId === undefined) continue;
    const found = figure(sample);
    found.byEnvironment.set(
      environmentId,
      (found.byEnvironment.get(environmentId) ?? 0) + sample.value,
    );
  }

  const lines: CostLine[] = [];
  for (const { day, metric, total, byEnvironment } of figures.values()) {
    if (!isPricedMetric(metric)) continue;
    const pricing = NEON_PRICING[metric];
    const parts: { raw: number; target: CostLine['target'] }[] = [];
    let attributed = 0;
    for (const [environmentId, raw] of byEnvironment) {
      const capped = total === undefined ? raw : Math.max(0, Math.min(raw, total - attributed));
      attributed += capped;
      parts.push({ raw: capped, target: { kind: 'environment', environmentId } });
    }
    const rest = total === undefined ? 0 : total - attributed;
    if (rest > 0) parts.push({ raw: rest, target: { kind: 'shared' } });
    const rawTotal = parts.reduce((sum, part) => sum + part.raw, 0);
    if (rawTotal <= 0) continue;
    // Priced once for the whole day's figure, then split, so the parts add up to the bill.
    const quantity = pricing.toQuantity(rawTotal, day);
    const totalUnits = usdToUnits(quantity * pricing.pricePerUnit[input.plan]);
    const units = largestRemainder(
      totalUnits,
      parts.map((part) => part.raw),
    );
    parts.forEach((part, index) => {
      lines.push({
        day,
        provider: 'neon',
        metric: pricing.metric,
        unit: pricing.unit,
        quantity: pricing.toQuantity(part.raw, day),
        amountUnits: units[index]!,
        target: part.target,
      });
    });
  }
  return lines;
}
