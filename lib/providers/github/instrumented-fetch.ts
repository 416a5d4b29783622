import type { CachedResponse, EtagCache } from './etag-cache';

/** What a client has spent, for sync_runs and for tests that assert a sync was cheap. */
export interface ApiUsage {
  /** Every HTTP request sent, retries included. */
  requests: number;
  /** Answered 304 from the ETag cache: GitHub does not count these against the rate limit. */
  notModified: number;
  /** Requests that count against the quota: `requests - notModified`. */
  quotaSpent: number;
  /** 403/429 answers that carried a rate-limit signal. */
  rateLimited: number;
  /** 5xx answers and requests that got no answer (timeout, connection refused). */
  serverErrors: number;
  /** From the latest `x-ratelimit-remaining` / `x-ratelimit-reset` seen. */
  rateLimitRemaining?: number;
  rateLimitResetAt?: Date;
}

export function emptyUsage(): ApiUsage {
  return { requests: 0, notModified: 0, quotaSpent: 0, rateLimited: 0, serverErrors: 0 };
}

/** Marks a response served from the ETag cache after a 304, so callers can tell nothing changed. */
export const CACHE_HIT_HEADER = 'x-envboard-etag-cache';

/**
 * The fetch Octokit sends through. Sitting under Octokit's retry and throttling plugins, it sees
 * every attempt, which is what costs quota; it adds a per-attempt timeout and turns a 304 into
 * the cached 200 so paging and parsing work unchanged.
 */
export function instrumentedFetch(options: {
  cache: EtagCache;
  usage: ApiUsage;
  timeoutMs: number;
  /** Where requests go: the global fetch unless a test records them. */
  fetch?: typeof fetch;
}): typeof fetch {
  const { cache, usage, timeoutMs } = options;
  const send = options.fetch ?? fetch;
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = (init?.method ?? 'GET').toUpperCase();
    const headers = new Headers(init?.headers);
    const cached = method === 'GET' ? await cache.get(url) : undefined;
    if (cached) headers.set('if-none-match', cached.etag);
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;

    usage.requests++;
    let response: Response;
    try {
      response = await send(url, { ...init, headers, signal });
    } catch (error) {
      usage.serverErrors++;
      usage.quotaSpent = usage.requests - usage.notModified;
      throw error;
    }
    record(usage, response);
    if (response.status === 304 && cached) return withUrl(fromCache(cached), url);
    const etag = response.headers.get('etag');
    if (method === 'GET' && response.status === 200 && etag) {
      const body = await response.text();
      const stored = { etag, status: 200, headers: headersOf(response), body };
      await cache.set(url, stored);
      return withUrl(new Response(body, { status: 200, headers: stored.headers }), url);
    }
    return response;
  };
}

/**
 * A constructed Response has an empty `url`; Octokit's paginator parses it to page through
 * responses that carry no Link header, so keep the real one.
 */
function withUrl(response: Response, url: string): Response {
  Object.defineProperty(response, 'url', { value: url });
  return response;
}

function record(usage: ApiUsage, response: Response): void {
  if (response.status === 304) usage.notModified++;
  if (response.status >= 500) usage.serverErrors++;
  const remaining = response.headers.get('x-ratelimit-remaining');
  if (
    (response.status === 429 || response.status === 403) &&
    (response.headers.has('retry-after') || remaining === '0')
  ) {
    usage.rateLimited++;
  }
  if (remaining !== null) usage.rateLimitRemaining = Number(remaining);
  const reset = response.headers.get('x-ratelimit-reset');
  if (reset !== null) usage.rateLimitResetAt = new Date(Number(reset) * 1000);
  usage.quotaSpent = usage.requests - usage.notModified;
}

function fromCache(cached: CachedResponse): Response {
  return new Response(cached.body, {
    status: cached.status,
    headers: { ...cached.headers, [CACHE_HIT_HEADER]: 'hit' },
  });
}

/** fetch has already decoded the body, so its transfer headers no longer describe it. */
function headersOf(response: Response): Record<string, string> {
  const headers = Object.fromEntries(response.headers.entries());
  delete headers['content-encoding'];
  delete headers['content-length'];
  return headers;
}
