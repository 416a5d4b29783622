import { timingSafeEqual } from 'node:crypto';
import { errorResponse, HttpError, jsonResponse } from './json-route';

/**
 * Vercel Cron calls each path in vercel.json `crons` with `Authorization: Bearer $CRON_SECRET`.
 * Anything else is refused before any work, compared in constant time.
 */
export function isCronAuthorized(
  header: string | null,
  secret: string | undefined = process.env.CRON_SECRET,
): boolean {
  if (!secret || !header) return false;
  const expected = Buffer.from(`Bearer ${secret}`);
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** A cron route handler: 401 without the secret, the handler's result as JSON otherwise. */
export function cronRoute(
  handler: (request: Request) => Promise<unknown>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (!process.env.CRON_SECRET) {
      return errorResponse(503, 'cron_not_configured', 'CRON_SECRET is not set on the server.');
    }
    if (!isCronAuthorized(request.headers.get('authorization'))) {
      return errorResponse(401, 'unauthorized', 'A valid cron secret is required.');
    }
    try {
      return jsonResponse(await handler(request));
    } catch (error) {
      if (error instanceof HttpError) return errorResponse(error.status, error.code, error.message);
      console.error(`cron ${new URL(request.url).pathname} failed`, error);
      return errorResponse(500, 'internal_error', 'The sync failed; see the Sync status page.');
    }
  };
}
