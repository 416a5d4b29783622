/** Postgres caps a statement at 65,535 parameters; inserts go in slices well below that. */
export function chunk<T>(rows: readonly T[], size = 500): T[][] {
  const slices: T[][] = [];
  for (let start = 0; start < rows.length; start += size) {
    slices.push(rows.slice(start, start + size));
  }
  return slices;
}
