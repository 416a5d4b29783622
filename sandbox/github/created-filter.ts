/**
 * GitHub's `created` qualifier on workflow runs, in its search syntax for dates
 * (https://docs.github.com/en/search-github/getting-started-with-searching-on-github/understanding-the-search-syntax#query-for-dates):
 * `YYYY-MM-DD`, optionally followed by `THH:MM:SS` and an offset (`Z` or `+HH:MM`); behind `>`,
 * `>=`, `<` or `<=`, or as a range `a..b` where either side may be `*`. A bare date means that
 * whole day. A value outside that syntax (milliseconds, say) matches no run here: stricter than
 * needed, so a client that sends one finds out in its tests.
 */

const SEARCH_DATE = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})?)?$/;
const DAY_MS = 86_400_000;

/** The instants a date covers: a whole UTC day for a bare date, one second otherwise. */
function span(text: string): { from: number; to: number } | undefined {
  const match = SEARCH_DATE.exec(text);
  if (!match) return undefined;
  const [, day, time, offset] = match;
  if (!time) {
    const from = Date.parse(`${day}T00:00:00Z`);
    return Number.isNaN(from) ? undefined : { from, to: from + DAY_MS };
  }
  const from = Date.parse(`${day}${time}${offset ? '' : 'Z'}`);
  return Number.isNaN(from) ? undefined : { from, to: from + 1000 };
}

const nothing = () => false;

export function createdFilter(expression: string | null): (at: Date) => boolean {
  if (!expression) return () => true;
  const range = expression.split('..');
  if (range.length === 2) {
    const [low, high] = range as [string, string];
    const from = low === '*' ? -Infinity : span(low)?.from;
    const to = high === '*' ? Infinity : span(high)?.to;
    if (from === undefined || to === undefined) return nothing;
    return (at) => at.getTime() >= from && at.getTime() < to;
  }
  const match = /^(>=|<=|>|<)?(.+)$/.exec(expression);
  const bound = span(match?.[2] ?? '');
  if (!bound) return nothing;
  switch (match?.[1]) {
    case '>=':
      return (at) => at.getTime() >= bound.from;
    case '>':
      return (at) => at.getTime() >= bound.to;
    case '<=':
      return (at) => at.getTime() < bound.to;
    case '<':
      return (at) => at.getTime() < bound.from;
    default:
      return (at) => at.getTime() >= bound.from && at.getTime() < bound.to;
  }
}
