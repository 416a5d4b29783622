import type { z } from 'zod';
import { inSpan, markFailed, setSpanAttributes } from '@/lib/observability/trace';
import { ProviderError, type ProviderName } from './errors';
import { realSleep } from './poll';

/**
 * The one HTTP path the Vercel and Neon clients take: base URL and bearer token from config, a
 * timeout per attempt, retries with exponential backoff and full jitter on 429 / 5xx / network
 * errors (honouring `Retry-After` and `X-RateLimit-Reset`), a count of the calls spent, and
 * responses parsed with zod, never cast. Failures leave as a `ProviderError` naming the call.
 */

export interface RetryPolicy {
  /** Attempts after the first. */
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A server asking us to wait longer than this gets a failure instead of a hung request. */
  maxWaitMs: number;
}

export interface HttpClientConfig {
  provider: ProviderName;
  baseUrl: string;
  token: string;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Statuses safe to retry for any method, on top of 429 (Neon adds 423 Locked). */
  alwaysRetryStatuses?: readonly number[];
  /** Query parameters sent with every call, e.g. Vercel's `teamId`. */
  defaultQuery?: Record<string, string | undefined>;
  /** Injected by tests so retries cost no wall-clock time. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  fetch?: typeof fetch;
}

export type QueryValue = string | number | boolean | undefined | null;

export interface RequestOptions<Schema extends z.ZodType> {
  operation: string;
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Parses the JSON body; omit for endpoints that answer with an empty body. */
  schema?: Schema;
  /** Read the body as text (e.g. JSONL) and hand it to `schema` as a string. */
  text?: boolean;
  accept?: string;
}

export interface HttpResult<T> {
  status: number;
  data: T;
}

const DEFAULT_RETRY: RetryPolicy = {
  maxRetries: 4,
  baseDelayMs: 250,
  maxDelayMs: 8_000,
  maxWaitMs: 60_000,
};
const DEFAULT_TIMEOUT_MS = 15_000;
const SERVER_ERRORS = new Set([500, 502, 503, 504]);
// A POST that failed with one of these may still have been applied: retrying could act twice.
const IDEMPOTENT_METHODS = new Set(['GET', 'PUT', 'DELETE']);

export class ProviderHttpClient {
  private readonly retry: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private readonly fetchImpl: typeof fetch;
  private spent = 0;

  constructor(private readonly config: HttpClientConfig) {
    this.retry = { ...DEFAULT_RETRY, ...config.retry };
    this.sleep = config.sleep ?? realSleep;
    this.now = config.now ?? Date.now;
    this.fetchImpl = config.fetch ?? fetch;
  }

  /** HTTP requests sent so far, retries included: what a sync reports as API calls spent. */
  get callsSpent(): number {
    return this.spent;
  }

  async request<Schema extends z.ZodType = z.ZodUndefined>(
    options: RequestOptions<Schema>,
  ): Promise<HttpResult<z.output<Schema>>> {
    const method = options.method ?? 'GET';
    const url = this.url(options.path, options.query);
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.tracedAttempt(options, method, url, attempt + 1);
      if ('body' in outcome) return this.parse(options, outcome.status, outcome.body);
      // `retryable` on the error says whether the call may succeed later; this client only
      // repeats it itself when that cannot apply a non-idempotent write twice.
      const failure = this.failure(
        options.operation,
        outcome,
        this.isRetryable('GET', outcome.status),
      );
      const repeat = this.isRetryable(method, outcome.status);
      if (!repeat || attempt >= this.retry.maxRetries) throw failure;
      const delay = this.delay(attempt, outcome.headers);
      if (delay > this.retry.maxWaitMs) throw failure;
      await this.sleep(delay);
    }
  }

  private url(path: string, query: Record<string, QueryValue> = {}): URL {
    const url = new URL(this.config.baseUrl.replace(/\/$/, '') + path);
    for (const [key, value] of Object.entries({ ...this.config.defaultQuery, ...query })) {
      if (value !== undefined && value !== null) url.searchParams.set(key, String(value));
    }
    return url;
  }

  /**
   * One span per HTTP attempt (what costs quota and time). The endpoint is the operation's name,
   * not the URL: the URL carries ids and query parameters, the name is the same for every call.
   */
  private tracedAttempt(
    options: RequestOptions<z.ZodType>,
    method: string,
    url: URL,
    attempt: number,
  ): ReturnType<ProviderHttpClient['attempt']> {
    const attributes = {
      'envboard.provider': this.config.provider,
      'envboard.provider.endpoint': options.operation,
      'envboard.provider.attempt': attempt,
      'http.request.method': method,
    };
    return inSpan('provider.request', attributes, async (span) => {
      const outcome = await this.attempt(options, method, url);
      if (!('body' in outcome)) markFailed(span, outcome.message);
      setSpanAttributes(span, {
        'http.response.status_code': outcome.status,
        'error.type': 'body' in outcome ? undefined : (outcome.code ?? 'request_failed'),
      });
      return outcome;
    });
  }

  private async attempt(
    options: RequestOptions<z.ZodType>,
    method: string,
    url: URL,
  ): Promise<
    | { status: number; body: string }
    | { status?: number; headers?: Headers; message: string; code?: string }
  > {
    this.spent++;
    let response: Response;
    let body: string;
    try {
      response = await this.fetchImpl(url, {
        method,
        headers: {
          authorization: `Bearer ${this.config.token}`,
          accept: options.accept ?? 'application/json',
          ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: AbortSignal.timeout(this.config.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      });
      // Read inside the try: a connection dropped or timed out mid-body is a network error too.
      body = await response.text();
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
      return { message: timedOut ? 'request timed out' : `network error: ${String(error)}` };
    }
    if (response.ok) return { status: response.status, body };
    const { code, message } = readErrorBody(body, response.statusText);
    return { status: response.status, headers: response.headers, code, message };
  }

  private isRetryable(method: string, status: number | undefined): boolean {
    if (status === 429 || (status && this.config.alwaysRetryStatuses?.includes(status))) {
      return true;
    }
    const serverOrNetwork = status === undefined || SERVER_ERRORS.has(status);
    return serverOrNetwork && IDEMPOTENT_METHODS.has(method);
  }

  private failure(
    operation: string,
    outcome: { status?: number; message: string; code?: string },
    retryable: boolean,
  ): ProviderError {
    const status = outcome.status === undefined ? '' : `HTTP ${outcome.status} `;
    const code = outcome.code ? `${outcome.code}: ` : '';
    return new ProviderError({
      provider: this.config.provider,
      operation,
      status: outcome.status,
      retryable,
      message: `${status}${code}${outcome.message}`,
    });
  }

  /** The server's own wait when it names one, otherwise backoff with full jitter. */
  delay(attempt: number, headers?: Headers): number {
    const asked = headers ? serverWaitMs(headers, this.now()) : undefined;
    if (asked !== undefined) return asked;
    const ceiling = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** attempt);
    return Math.round(Math.random() * ceiling);
  }

  private parse<Schema extends z.ZodType>(
    options: RequestOptions<Schema>,
    status: number,
    raw: string,
  ): HttpResult<z.output<Schema>> {
    // Without a schema the caller wants no data (an empty 201/202/204); `undefined` is all it gets.
    if (!options.schema) return { status, data: undefined as z.output<Schema> };
    let input: unknown = raw;
    if (!options.text) {
      try {
        input = raw === '' ? undefined : JSON.parse(raw);
      } catch {
        throw this.failure(options.operation, { message: 'response is not JSON' }, false);
      }
    }
    const parsed = options.schema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid';
      throw this.failure(options.operation, { message: `unexpected response (${where})` }, false);
    }
    return { status, data: parsed.data };
  }
}

/** `Retry-After` (seconds or an HTTP date) first, then `X-RateLimit-Reset` (epoch seconds). */
export function serverWaitMs(headers: Headers, now: number): number | undefined {
  const retryAfter = headers.get('retry-after');
  if (retryAfter) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  const reset = Number(headers.get('x-ratelimit-reset'));
  // Without a remaining count the reset time alone is the wait (a 429 carries it that way).
  const remaining = headers.get('x-ratelimit-remaining');
  if ((remaining === null || remaining === '0') && reset > 0) {
    return Math.max(0, reset * 1000 - now);
  }
  return undefined;
}

/** Vercel answers `{error:{code,message}}`, Neon `{code,message}`; anything else is kept as text. */
function readErrorBody(text: string, statusText: string): { code?: string; message: string } {
  try {
    const body: unknown = JSON.parse(text);
    const inner = isRecord(body) && isRecord(body.error) ? body.error : body;
    if (isRecord(inner) && typeof inner.message === 'string') {
      return {
        code: typeof inner.code === 'string' ? inner.code : undefined,
        message: inner.message,
      };
    }
  } catch {
    // Not JSON: fall through to the status text.
  }
  return { message: text.slice(0, 200) || statusText || 'no body' };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
