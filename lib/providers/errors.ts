export type ProviderName = 'github' | 'vercel' | 'neon';

/**
 * A failed call to an outside system, naming which call failed and why, so a sync run or an
 * operation can record it and decide whether to try again.
 */
export class ProviderError extends Error {
  readonly provider: ProviderName;
  /** The client method that failed, e.g. `listWorkflowRuns`. */
  readonly operation: string;
  /** The HTTP status, when the provider answered at all. */
  readonly status?: number;
  /** True when the same call may succeed later (rate limit, 5xx, timeout, network). */
  readonly retryable: boolean;

  constructor(init: {
    provider: ProviderName;
    operation: string;
    message: string;
    status?: number;
    retryable?: boolean;
    cause?: unknown;
  }) {
    super(`${init.provider} ${init.operation} failed: ${init.message}`, { cause: init.cause });
    this.name = 'ProviderError';
    this.provider = init.provider;
    this.operation = init.operation;
    this.status = init.status;
    this.retryable = init.retryable ?? isRetryableStatus(init.status);
  }
}

/** No status means the provider never answered (timeout, connection refused): worth a retry. */
export function isRetryableStatus(status: number | undefined): boolean {
  return status === undefined || status === 408 || status === 429 || status >= 500;
}
