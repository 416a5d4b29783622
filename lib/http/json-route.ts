import { z } from 'zod';

/**
 * One shape for every read-API route handler, in the order STYLE.md fixes: parse the query
 * string (400) → authenticate (401) → load (404) → authorize (403) → work. Errors leave as
 * `{ error: { code, message, issues? } }`; database detail is logged, never sent.
 */

/** Thrown by a handler for an expected failure, e.g. `new HttpError(404, 'not_found', '…')`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export interface ErrorBody {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
}

const NO_STORE = { 'Cache-Control': 'no-store' };

export function jsonResponse(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: NO_STORE });
}

export function errorResponse(
  status: number,
  code: string,
  message: string,
  issues?: ErrorBody['error']['issues'],
): Response {
  const body: ErrorBody = { error: { code, message, ...(issues ? { issues } : {}) } };
  return jsonResponse(body, status);
}

/** A query string as a plain object; a repeated key becomes an array so the schema can refuse it. */
export function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const object: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    object[key] = values.length === 1 ? values[0]! : values;
  }
  return object;
}

/**
 * A GET handler that parses the query string with `schema` and answers with what `handler`
 * returns, as JSON that no cache keeps.
 */
export function jsonRoute<Schema extends z.ZodType>(
  schema: Schema,
  handler: (input: { query: z.output<Schema>; request: Request }) => Promise<unknown>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const parsed = schema.safeParse(queryObject(new URL(request.url).searchParams));
    if (!parsed.success) {
      return errorResponse(
        400,
        'invalid_query',
        'The query string is not valid.',
        parsed.error.issues.map((issue) => ({
          path: issue.path.join('.'),
          message: issue.message,
        })),
      );
    }
    // Authentication (401) and authorization (403) go here, before any work: the auth issue adds
    // lib/auth's requireRole and calls it at this point for every read-API route.
    try {
      return jsonResponse(await handler({ query: parsed.data, request }));
    } catch (error) {
      if (error instanceof HttpError) return errorResponse(error.status, error.code, error.message);
      console.error(`${request.method} ${new URL(request.url).pathname} failed`, error);
      return errorResponse(500, 'internal_error', 'Something went wrong on our side; try again.');
    }
  };
}
