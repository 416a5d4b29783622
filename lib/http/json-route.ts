import { z } from 'zod';
import type { Actor } from '@/lib/domain/actor';
import { authorizeRequest, isRefusal, type RequestRefusal } from '@/lib/auth/request-auth';
import type { ApiTokenScope } from '@/lib/domain/api-tokens';
import type { Role } from '@/lib/domain/roles';
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
 * least `options.role` (viewer unless said) or an API token with `options.scope` (read unless
 * said), and answers with what `handler` returns, as JSON that no cache keeps. The actor's
 * `projectId` is the project to answer about: a token's own project.
 */
export function jsonRoute<Schema extends z.ZodType>(
  schema: Schema,
  handler: (input: { query: z.output<Schema>; request: Request; actor: Actor }) => Promise<unknown>,
  options: { role?: Role; scope?: ApiTokenScope } = {},
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
      const authorized = await authorizeRequest(request, {
        role: options.role ?? 'viewer',
        scope: options.scope ?? 'read',
      });
      if (isRefusal(authorized)) return refusalResponse(authorized);
      return jsonResponse(await handler({ query: parsed.data, request, actor: authorized.actor }));
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

/** A refused caller's answer; a 401 also names the scheme to authenticate with (RFC 6750). */
export function refusalResponse(refusal: RequestRefusal): Response {
  const response = errorResponse(refusal.status, refusal.code, refusal.message);
  if (refusal.status === 401) response.headers.set('www-authenticate', 'Bearer realm="envboard"');
  return response;
}
