/**
 * The board as a provider's state should make it: per section, items by key with the fields
 * that must agree. `diffBoards` lists every disagreement as a sentence, so a failing
 * convergence test says exactly what the syncs and webhooks left wrong.
 */
export type BoardItem = Record<string, string | number | boolean | null>;
export type BoardSection = Record<string, BoardItem>;
export type Board = Record<string, BoardSection>;

export function diffBoards(expected: Board, actual: Board): string[] {
  const differences: string[] = [];
  for (const section of union(Object.keys(expected), Object.keys(actual))) {
    const want = expected[section] ?? {};
    const have = actual[section] ?? {};
    for (const key of union(Object.keys(want), Object.keys(have))) {
      const wanted = want[key];
      const found = have[key];
      if (!found) {
        differences.push(`${section} ${key}: missing on the board (expected ${show(wanted!)})`);
        continue;
      }
      if (!wanted) {
        differences.push(
          `${section} ${key}: on the board but not at the provider (${show(found)})`,
        );
        continue;
      }
      for (const field of union(Object.keys(wanted), Object.keys(found))) {
        if (wanted[field] !== found[field]) {
          differences.push(
            `${section} ${key}: ${field} is ${String(found[field])}, expected ${String(wanted[field])}`,
          );
        }
      }
    }
  }
  return differences;
}

const union = (a: string[], b: string[]) => [...new Set([...a, ...b])].sort();

const show = (item: BoardItem) =>
  Object.entries(item)
    .map(([field, value]) => `${field}=${String(value)}`)
    .join(', ');
