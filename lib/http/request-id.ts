/**
 * The header that names one request: proxy.ts sets a fresh id on every request it lets through
 * and on every answer, so a person reporting an error page and the server's log can point at the
 * same request.
 */
export const REQUEST_ID_HEADER = 'x-request-id';

export function createRequestId(): string {
  return crypto.randomUUID();
}
