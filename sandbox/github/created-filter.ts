/**
 * GitHub's `created` search qualifier on workflow runs: `>=2024-01-01T00:00:00Z`, `>…`, `<=…`,
 * `<…`, `a..b`, or a bare date meaning that whole day.
 */
export function createdFilter(expression: string | null): (at: Date) => boolean {
  if (!expression) return () => true;
  const range = expression.split('..');
  if (range.length === 2) {
    const [from, to] = range.map((part) => Date.parse(part)) as [number, number];
    return (at) => at.getTime() >= from && at.getTime() <= to;
  }
  const match = /^(>=|<=|>|<)?(.+)$/.exec(expression);
  const operator = match?.[1];
  const bound = Date.parse(match?.[2] ?? '');
  if (Number.isNaN(bound)) return () => false;
  switch (operator) {
    case '>=':
      return (at) => at.getTime() >= bound;
    case '>':
      return (at) => at.getTime() > bound;
    case '<=':
      return (at) => at.getTime() <= bound;
    case '<':
      return (at) => at.getTime() < bound;
    default:
      return (at) => at.getTime() >= bound && at.getTime() < bound + 86_400_000;
  }
}
