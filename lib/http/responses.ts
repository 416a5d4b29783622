/**
 * The JSON shapes every route answers with: `{ error: { code, message, issues? } }` for errors,
 * never cached. Free of server-only imports so proxy.ts can answer with them too.
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
