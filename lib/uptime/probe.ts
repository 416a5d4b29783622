/** What one probe of an environment found, as uptime_checks stores it. */
export interface ProbeResult {
  ok: boolean;
  statusCode: number | null;
  latencyMs: number | null;
  error: string | null;
}

export interface ProbeOptions {
  timeoutMs: number;
  fetch?: typeof fetch;
  /** Injected by tests; performance.now otherwise. */
  clock?: () => number;
}

/**
 * One GET of a health URL. Up means a 2xx or 3xx answer within the timeout (redirects are not
 * followed: a login redirect still proves the app is serving). Anything else is down, with the
 * reason in words: the timeout, a DNS failure, a TLS failure, a refused connection or the status.
 */
export async function probe(url: string, options: ProbeOptions): Promise<ProbeResult> {
  const clock = options.clock ?? (() => performance.now());
  const started = clock();
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    const response = await (options.fetch ?? fetch)(url, {
      method: 'GET',
      redirect: 'manual',
      signal,
      headers: { 'user-agent': 'envboard-uptime/1.0', 'cache-control': 'no-cache' },
    });
    // Latency to the status line: the body is not part of being up, and a big one would skew it.
    const latencyMs = Math.round(clock() - started);
    await response.body?.cancel().catch(() => undefined);
    const ok = response.status >= 200 && response.status < 400;
    return {
      ok,
      statusCode: response.status,
      latencyMs,
      error: ok
        ? null
        : `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
    };
  } catch (error) {
    return {
      ok: false,
      statusCode: null,
      latencyMs: null,
      error: describeFailure(error, signal.aborted, options.timeoutMs),
    };
  }
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL']);

/** Node's fetch wraps the socket error as `cause` (undici); its code says what went wrong. */
export function describeFailure(error: unknown, timedOut: boolean, timeoutMs: number): string {
  if (timedOut) return `timeout: no answer within ${timeoutMs} ms`;
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = (cause as { code?: unknown } | undefined)?.code;
  const message = cause instanceof Error ? cause.message : String(cause);
  if (typeof code === 'string') {
    if (DNS_CODES.has(code)) return `DNS: ${message}`;
    if (code === 'ECONNREFUSED') return `connection refused: ${message}`;
    if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return `connection reset: ${message}`;
    if (/CERT|TLS|SSL|SELF_SIGNED/.test(code)) return `TLS: ${message}`;
    return `${code}: ${message}`;
  }
  return `request failed: ${message}`;
}
