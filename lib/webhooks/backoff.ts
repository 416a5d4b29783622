/** A failed delivery is retried this many times in all before it is left for a person to replay. */
export const MAX_DELIVERY_ATTEMPTS = 6;

const FIRST_RETRY_MS = 60_000;
const LONGEST_WAIT_MS = 6 * 60 * 60_000;

/**
 * When to retry after `attempts` failed attempts: one minute, then four times longer each time
 * (1, 4, 16, 64 min…, at most six hours), or null once the attempts are used up.
 */
export function nextAttemptAt(attempts: number, now: Date): Date | null {
  if (attempts >= MAX_DELIVERY_ATTEMPTS) return null;
  const wait = Math.min(FIRST_RETRY_MS * 4 ** Math.max(0, attempts - 1), LONGEST_WAIT_MS);
  return new Date(now.getTime() + wait);
}
