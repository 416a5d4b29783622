import { trace } from '@opentelemetry/api';
import { type Field, redact, redactFields, secretValues } from './redact';
import { REQUEST_ID_HEADER } from '@/lib/http/request-id';
import { currentRequestId } from './request-context';

/**
 * Structured logs: one JSON line an event, with its level, message, the request id (see
 * request-context.ts) and the trace and span ids of the span it was written in, so a log search
 * and a trace view point at the same request. Every string is redacted (redact.ts) before it is
 * written. Vercel keeps stdout and stderr as the function's logs; any log drain reads the JSON.
 */

export type LogLevel = 'info' | 'warn' | 'error';
export type LogFields = Record<string, Field>;

/** Where lines go: stderr for warnings and errors, stdout for the rest. Tests capture it. */
export type LogSink = (level: LogLevel, line: string) => void;

const processSink: LogSink = (level, line) => {
  (level === 'info' ? process.stdout : process.stderr).write(`${line}\n`);
};
let sink: LogSink = processSink;

/** Sends every line to `next` until the returned function restores the previous sink. */
export function captureLogs(next: LogSink): () => void {
  const previous = sink;
  sink = next;
  return () => {
    sink = previous;
  };
}

function errorFields(error: unknown, secrets: readonly string[]): LogFields {
  if (!(error instanceof Error)) return { error: redact(String(error), secrets) };
  // The root cause says most: drizzle wraps a database error in one quoting the whole query.
  let cause: Error = error;
  while (cause.cause instanceof Error) cause = cause.cause;
  return {
    error: redact(`${error.name}: ${error.message}`, secrets),
    cause: cause === error ? undefined : redact(`${cause.name}: ${cause.message}`, secrets),
    stack: error.stack ? redact(error.stack, secrets) : undefined,
  };
}

function write(level: LogLevel, message: string, fields: LogFields = {}, error?: unknown): void {
  const secrets = secretValues();
  const span = trace.getActiveSpan()?.spanContext();
  const line = {
    time: new Date().toISOString(),
    level,
    message: redact(message, secrets),
    requestId: currentRequestId(),
    traceId: span?.traceId,
    spanId: span?.spanId,
    ...redactFields(fields, secrets),
    ...(error === undefined ? {} : errorFields(error, secrets)),
  };
  sink(level, JSON.stringify(line));
}

export const log = {
  info: (message: string, fields?: LogFields) => write('info', message, fields),
  warn: (message: string, fields?: LogFields) => write('warn', message, fields),
  /** An event that went wrong; `error`'s message and stack are redacted, never dropped. */
  error: (message: string, error?: unknown, fields?: LogFields) =>
    write('error', message, fields, error),
};

/** The request id of a route handler's request, for a line written outside withRequestContext. */
export function requestFields(request: Request): LogFields {
  return { requestId: request.headers.get(REQUEST_ID_HEADER) ?? undefined };
}
