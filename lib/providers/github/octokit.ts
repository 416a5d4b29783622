import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import type { EtagCache } from './etag-cache';
import { type ApiUsage, instrumentedFetch } from './instrumented-fetch';
import { tracing } from './tracing';

// Tracing first: its hook then sits inside retry and throttling and sees every attempt.
const GitHubOctokit = Octokit.plugin(tracing, retry, throttling);
export type GitHubOctokit = InstanceType<typeof GitHubOctokit>;

export interface RetryPolicy {
  /** Attempts after the first, for 5xx and for rate limits alike. */
  retries: number;
  /**
   * Milliseconds per second of back-off and of Retry-After. 1000 in production; tests pass 1 so
   * a `Retry-After: 2` waits 2 ms and the retry is still proven.
   */
  msPerSecond: number;
  /** A rate-limit wait longer than this fails the call instead; a cron run cannot wait an hour. */
  maxWaitSeconds: number;
  /**
   * Octokit spaces writes 1 s apart, GitHub's advice against secondary limits. Tests against the
   * sandbox turn it off.
   */
  spaceWrites: boolean;
}

export const DEFAULT_RETRY: RetryPolicy = {
  retries: 3,
  msPerSecond: 1000,
  maxWaitSeconds: 60,
  spaceWrites: true,
};

/** Runs each queued write at once, in place of Octokit's 1-write-per-second limiter group. */
const immediately = {
  key: () => ({
    schedule: (_options: unknown, job: (...args: unknown[]) => unknown, ...args: unknown[]) =>
      job(...args),
  }),
};

export function createOctokit(options: {
  token: string;
  baseUrl: string;
  timeoutMs: number;
  retry: RetryPolicy;
  cache: EtagCache;
  usage: ApiUsage;
  log: Pick<Console, 'warn' | 'error'>;
  fetch?: typeof fetch;
}): GitHubOctokit {
  const { retry: policy } = options;
  const mayWait = (retryAfter: number, _request: unknown, _octokit: unknown, retryCount: number) =>
    retryCount < policy.retries && retryAfter <= policy.maxWaitSeconds;
  const writeLimiter = policy.spaceWrites ? {} : { write: immediately, notifications: immediately };
  return new GitHubOctokit({
    auth: options.token,
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    userAgent: 'envboard',
    request: {
      fetch: instrumentedFetch({
        cache: options.cache,
        usage: options.usage,
        timeoutMs: options.timeoutMs,
        fetch: options.fetch,
      }),
    },
    headers: { 'x-github-api-version': '2022-11-28' },
    retry: {
      retries: policy.retries,
      retryAfterBaseValue: policy.msPerSecond,
      // 429 is left to the throttling plugin, which honours Retry-After and x-ratelimit-reset.
      doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
    },
    throttle: {
      retryAfterBaseValue: policy.msPerSecond,
      onRateLimit: mayWait,
      onSecondaryRateLimit: mayWait,
      ...(writeLimiter as object),
    },
    // Octokit logs each failed attempt; successes are only noise.
    log: { debug: () => {}, info: () => {}, warn: options.log.warn, error: options.log.error },
  });
}
