const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' });
const monthYearFormat = new Intl.DateTimeFormat('en-GB', {
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "Dec" (or "Dec 2026") for `2026-12`: an axis of months. */
export function shortMonth(month: string, withYear = false): string {
  const date = new Date(`${month}-01T00:00:00Z`);
  return (withYear ? monthYearFormat : monthFormat).format(date);
}
