/**
 * Cost amounts are split in whole units of 1/10,000 USD, the scale of cost_samples.amount_usd,
 * so a split never loses or creates a cent, nor the fraction of one a daily share often is.
 */
export const UNITS_PER_USD = 10_000;

export function usdToUnits(usd: number): number {
  return Math.round(usd * UNITS_PER_USD);
}

export function unitsToUsd(units: number): number {
  return units / UNITS_PER_USD;
}

/** Quantities are kept to the scale of cost_samples.quantity. */
export function roundQuantity(quantity: number): number {
  return Math.round(quantity * 1e6) / 1e6;
}
