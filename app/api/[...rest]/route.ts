import { errorResponse } from '@/lib/http/responses';

export const dynamic = 'force-dynamic';

/**
 * Any /api/ path no route answers: a JSON 404 in the API's error shape, not the board's HTML
 * "page not found", so a script calling a mistyped path reads a reason it can parse. The proxy
 * has already answered 401 to a caller without a session.
 */
function notFound(request: Request): Response {
  const { pathname } = new URL(request.url);
  return errorResponse(404, 'not_found', `No API route answers ${request.method} ${pathname}.`);
}

export const GET = notFound;
export const HEAD = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
