/**
 * A preview's cost projected to its TTL expiry: what it has cost so far plus its recent daily
 * rate for every day it has left. The previews page, the sticky PR comment and the "projected
 * cost over threshold" alert read this one definition.
 */

const DAY_MS = 86_400_000;

/** The days the recent daily rate averages over: the last full days before today (UTC). */
export const PREVIEW_RATE_DAYS = 3;

/** The per-preview warning threshold when the project sets none. */
export const DEFAULT_PREVIEW_COST_WARNING_USD = 5;

export interface PreviewCostInput {
  costSoFarUsd: number;
  dailyRateUsd: number;
  now: Date;
  /** When the preview expires (its TTL, or its pin's end); null when it never does. */
  expiresAt: Date | null;
}

export interface PreviewCostProjection {
  /** Cost so far + daily rate × days left until expiry (fractional days count). */
  projectedUsd: number;
  /** Days left until expiry, 0 once expired; null when it never expires. */
  daysLeft: number | null;
}

/**
 * A preview that never expires has no end to project to: its projection is its cost so far,
 * and daysLeft says so (null). One that has expired costs nothing more.
 */
export function projectPreviewCost(input: PreviewCostInput): PreviewCostProjection {
  const { costSoFarUsd, dailyRateUsd, now, expiresAt } = input;
  if (!expiresAt) return { projectedUsd: costSoFarUsd, daysLeft: null };
  const daysLeft = Math.max(0, (expiresAt.getTime() - now.getTime()) / DAY_MS);
  return { projectedUsd: costSoFarUsd + Math.max(0, dailyRateUsd) * daysLeft, daysLeft };
}

/** Over the threshold: strictly above it, so a $5.00 projection under a $5 threshold is fine. */
export function overPreviewCostThreshold(projectedUsd: number, thresholdUsd: number): boolean {
  return projectedUsd > thresholdUsd;
}

/** What the page and the comment show for one preview. */
export interface PreviewCostView extends PreviewCostProjection {
  costSoFarUsd: number;
  dailyRateUsd: number;
  thresholdUsd: number;
  overThreshold: boolean;
}

export function previewCostView(
  input: PreviewCostInput & { thresholdUsd: number },
): PreviewCostView {
  const projection = projectPreviewCost(input);
  return {
    ...projection,
    costSoFarUsd: input.costSoFarUsd,
    dailyRateUsd: input.dailyRateUsd,
    thresholdUsd: input.thresholdUsd,
    overThreshold: overPreviewCostThreshold(projection.projectedUsd, input.thresholdUsd),
  };
}

/** The first day (`YYYY-MM-DD`) of the recent-rate window, and today, both UTC. */
export function rateWindow(now: Date): { from: string; today: string } {
  const today = now.toISOString().slice(0, 10);
  const from = new Date(Date.parse(`${today}T00:00:00Z`) - PREVIEW_RATE_DAYS * DAY_MS)
    .toISOString()
    .slice(0, 10);
  return { from, today };
}
