import { type Span, SpanStatusCode, trace } from '@opentelemetry/api';
import { type Field, redact, redactFields } from './redact';
import { currentRequestId } from './request-context';

/**
 * The one way envboard opens a span: a name, chosen attributes (redacted all the same), the
 * request id, and an error status whose message is redacted. Exceptions are not recorded with
 * `recordException`, which would copy an unredacted message and stack into the span. Without a
 * registered tracer provider (instrumentation.ts) the API hands out no-op spans: this costs
 * next to nothing.
 */

export type SpanAttributes = Record<string, Field>;

const TRACER = 'envboard';

function defined(attributes: SpanAttributes): Record<string, string | number | boolean> {
  const result: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(redactFields(attributes))) {
    if (value !== undefined && value !== null) result[key] = value;
  }
  return result;
}

/** Adds attributes to a span, redacted, skipping empty ones. */
export function setSpanAttributes(span: Span, attributes: SpanAttributes): void {
  span.setAttributes(defined(attributes));
}

/** Runs `work` inside a new active span that ends when it settles; a throw marks it failed. */
export function inSpan<T>(
  name: string,
  attributes: SpanAttributes,
  work: (span: Span) => Promise<T>,
): Promise<T> {
  const start = { ...attributes, 'envboard.request_id': currentRequestId() };
  return trace
    .getTracer(TRACER)
    .startActiveSpan(name, { attributes: defined(start) }, async (span) => {
      try {
        return await work(span);
      } catch (error) {
        markFailed(span, error);
        throw error;
      } finally {
        span.end();
      }
    });
}

/** Marks a span failed with the error's type and redacted message. */
export function markFailed(span: Span, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  span.setStatus({ code: SpanStatusCode.ERROR, message: redact(message) });
  span.setAttribute('error.type', error instanceof Error ? error.name : 'Error');
}
