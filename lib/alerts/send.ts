import type { AlertBody } from '@/lib/domain/alerts';
import type { OpenChannel } from './channel-secrets';
import { requestFor } from './formats';

/** How long one channel may take to answer; a hung endpoint must not hold the cron run. */
const SEND_TIMEOUT_MS = 10_000;
const MAX_ERROR_CHARS = 300;

export interface SendResult {
  ok: boolean;
  /** The HTTP status, or null when no answer came (refused, timed out). */
  status: number | null;
  /** Why it failed, safe to store and show: never the URL, which is a secret. */
  error: string | null;
  /** From a 429's Retry-After, when the channel said how long to wait. */
  retryAfterMs: number | null;
}

export type Fetch = typeof fetch;

/** Sends one message to one channel, once; the caller records the attempt and retries. */
export async function sendAlert(
  channel: OpenChannel,
  body: AlertBody,
  idempotencyKey: string,
  fetchImpl: Fetch = fetch,
): Promise<SendResult> {
  // Signed at the wall clock's time, not a run's scheduling clock: the receiver compares it to its own.
  const request = requestFor(channel, body, idempotencyKey, new Date());
  let response: Response;
  try {
    response = await fetchImpl(channel.url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
  } catch (error) {
    return { ok: false, status: null, error: describeNetworkError(error), retryAfterMs: null };
  }
  const text = await response.text().catch(() => '');
  if (response.ok) return { ok: true, status: response.status, error: null, retryAfterMs: null };
  return {
    ok: false,
    status: response.status,
    error: `HTTP ${response.status}${text ? `: ${text.slice(0, MAX_ERROR_CHARS)}` : ''}`,
    retryAfterMs: retryAfter(response.headers.get('retry-after')),
  };
}

/** Retry-After in seconds (https://httpwg.org/specs/rfc9110.html#field.retry-after). */
function retryAfter(value: string | null): number | null {
  const seconds = value ? Number(value) : NaN;
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : null;
}

/** fetch's own message names only "fetch failed"; the cause's code says what happened. */
function describeNetworkError(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') {
    return `no answer within ${SEND_TIMEOUT_MS / 1000} s`;
  }
  // A refused connection to a host with several addresses comes as an AggregateError of them.
  const cause = (
    error as { cause?: { code?: string; message?: string; errors?: { code?: string }[] } }
  ).cause;
  // A message that could quote the URL (its path is the secret) is never kept.
  const message = cause?.message && !cause.message.includes('/') ? cause.message : undefined;
  const why = cause?.code ?? cause?.errors?.[0]?.code ?? message;
  return why ? `connection failed (${why})` : 'connection failed';
}
