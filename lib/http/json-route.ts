import { z } from 'zod';
import type { Actor } from '@/lib/domain/actor';
import { checkRole } from '@/lib/auth/check-role';
import type { Role } from '@/lib/domain/roles';
import { getRequestCaller } from '@/lib/auth/session';
import { errorResponse, HttpError, jsonResponse } from './responses';
import { log, requestFields } from '@/lib/observability/log';

export { type ErrorBody, errorResponse, HttpError, jsonResponse } from './responses';

/**
 * One shape for every read-API route handler, in one fixed order: parse the query
 * string (400) → authenticate (401) → load (404) → authorize (403) → work. Errors leave as
 * `{ error: { code, message, issues? } }`; database detail is logged, never sent.
 */

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
 * A GET handler that parses the query string with `schema`, requires a session whose role is at
 * least `options.role` (viewer unless said), and answers with what `handler` returns, as JSON
 * that no cache keeps.
 */
export function jsonRoute<Schema extends z.ZodType>(
  schema: Schema,
  handler: (input: { query: z.output<Schema>; request: Request; actor: Actor }) => Promise<unknown>,
  options: { role?: Role } = {},
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
    try {
      const caller = await getRequestCaller(request);
      const refused = checkRole(caller, options.role ?? 'viewer');
      if (refused) return errorResponse(refused.status, refused.code, refused.message);
      return jsonResponse(await handler({ query: parsed.data, request, actor: caller as Actor }));
    } catch (error) {
      if (error instanceof HttpError) return errorResponse(error.status, error.code, error.message);
      log.error(
        `${request.method} ${new URL(request.url).pathname} failed`,
        error,
        requestFields(request),
      );
      return errorResponse(500, 'internal_error', 'Something went wrong on our side; try again.');
    }
  };
}
