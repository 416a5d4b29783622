/**
 * Waiting on a provider's asynchronous work (Neon operations, Vercel alias jobs): ask, pause a
 * little longer each time, give up after a budget so a stuck job fails the call instead of
 * holding a request or a cron run forever.
 */

export interface PollPolicy {
  initialMs: number;
  maxMs: number;
  /** Total pause allowed before giving up. */
  timeoutMs: number;
}

export const DEFAULT_POLL: PollPolicy = { initialMs: 250, maxMs: 3_000, timeoutMs: 120_000 };

export type PollOutcome<T> = { done: true; value: T } | { done: false; waitedMs: number };

/** Calls `check` now and after each pause until it returns a value or the budget is spent. */
export async function pollUntil<T>(
  check: () => Promise<T | undefined>,
  sleep: (ms: number) => Promise<void>,
  policy: PollPolicy,
): Promise<PollOutcome<T>> {
  let pause = policy.initialMs;
  let waited = 0;
  for (;;) {
    const value = await check();
    if (value !== undefined) return { done: true, value };
    if (waited >= policy.timeoutMs) return { done: false, waitedMs: waited };
    await sleep(pause);
    waited += pause;
    pause = Math.min(policy.maxMs, Math.round(pause * 1.5));
  }
}

export const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
