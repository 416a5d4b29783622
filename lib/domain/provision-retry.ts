/**
 * When a failed provisioning is tried again: one github-cron interval after the first failure,
 * then twice as long after each further one (10, 20, 40, 80 min…), at most six hours apart, for
 * as long as the pull request stays open on that head.
 */
export const PROVISION_RETRY_FIRST_MS = 10 * 60_000;
export const PROVISION_RETRY_LONGEST_MS = 6 * 60 * 60_000;

export function provisionRetryAt(failures: number, lastFailedAt: Date): Date {
  const wait = Math.min(
    PROVISION_RETRY_FIRST_MS * 2 ** Math.max(0, failures - 1),
    PROVISION_RETRY_LONGEST_MS,
  );
  return new Date(lastFailedAt.getTime() + wait);
}
