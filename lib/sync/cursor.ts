/**
 * Cursors the syncs leave in sync_runs.cursor. A first run has none and looks back a fixed
 * window instead of listing a provider's whole history.
 */
export const FIRST_SYNC_LOOKBACK_MS = 30 * 24 * 3600 * 1000;

/** The instant a time cursor names, or `now - lookback` when there is none (or it is unreadable). */
export function sinceFromCursor(cursor: string | null, now: Date): Date {
  const parsed = cursor ? Date.parse(cursor) : Number.NaN;
  return Number.isNaN(parsed) ? new Date(now.getTime() - FIRST_SYNC_LOOKBACK_MS) : new Date(parsed);
}

/** The latest of some instants, or `fallback` when there are none. */
export function latest(times: readonly Date[], fallback: Date): Date {
  return times.reduce((max, time) => (time > max ? time : max), fallback);
}

/**
 * Where a created-time listing resumes: at the oldest item not yet finished, so it is listed
 * again until it is; otherwise at the newest item created (or where this run started from).
 * An item left unfinished longer than the first-run window (a run GitHub never starts) stops
 * holding the cursor, so the listing does not grow without end.
 */
export function resumeFrom(
  items: readonly { createdAt: Date; finished: boolean }[],
  since: Date,
  now: Date,
): Date {
  const floor = now.getTime() - FIRST_SYNC_LOOKBACK_MS;
  const unfinished = items
    .filter((item) => !item.finished && item.createdAt.getTime() >= floor)
    .map((item) => item.createdAt);
  if (unfinished.length > 0) {
    return unfinished.reduce((min, time) => (time < min ? time : min));
  }
  return latest(
    items.map((item) => item.createdAt),
    since,
  );
}

/** One line for the tally: which item failed and why. */
export function itemError(item: string, error: unknown): string {
  return `${item}: ${error instanceof Error ? error.message : String(error)}`;
}
