/**
 * Splits a whole number of units (e.g. hundredths of a cent) among parts in proportion to their
 * weights, so the parts are whole numbers that add up to exactly `total`: each part gets the floor
 * of its exact share, and the units left over go one each to the parts with the largest
 * fractional remainders (Hamilton's method). Ties go to the earlier part, so the same input always
 * gives the same split.
 */
export function largestRemainder(total: number, weights: readonly number[]): number[] {
  if (!Number.isInteger(total)) throw new Error(`total must be a whole number of units: ${total}`);
  if (weights.some((weight) => !Number.isFinite(weight) || weight < 0)) {
    throw new Error('weights must be finite and not negative');
  }
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  if (total === 0) return weights.map(() => 0);
  if (weightSum <= 0) throw new Error('cannot split a non-zero total among zero weights');
  // A credit (negative total) splits like a charge, with the signs turned around.
  if (total < 0) return largestRemainder(-total, weights).map((part) => (part === 0 ? 0 : -part));

  const exact = weights.map((weight) => (total * weight) / weightSum);
  const parts = exact.map((share) => Math.floor(share));
  let left = total - parts.reduce((sum, part) => sum + part, 0);
  const byRemainder = exact
    .map((share, index) => ({ index, remainder: share - Math.floor(share) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left <= 0) break;
    parts[index]! += 1;
    left -= 1;
  }
  return parts;
}
