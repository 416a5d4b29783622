/**
 * A time in GitHub's search syntax for dates, `YYYY-MM-DDTHH:MM:SS+00:00`: to the second, with
 * an offset, no milliseconds
 * (https://docs.github.com/en/search-github/getting-started-with-searching-on-github/understanding-the-search-syntax#query-for-dates).
 * The milliseconds are dropped, so the second is rounded down and `>=` still includes `at`.
 */
export function searchDate(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, '+00:00');
}
