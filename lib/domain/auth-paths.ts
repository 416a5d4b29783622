/** Where the proxy and the guards send people; shared with the pages that live there. */
export const SIGN_IN_PATH = '/signin';
export const FORBIDDEN_PATH = '/forbidden';
/** The demo team's Credentials provider: the sign-in page posts to /api/auth/callback/demo. */
export const DEMO_PROVIDER_ID = 'demo';

/**
 * Paths the proxy lets through without a session, because they are the way in or prove who is
 * calling in their own way: next-auth's endpoints, the sign-in page, the health check, webhooks
 * (signatures), crons (CRON_SECRET), test-run uploads (an API token), status badges (public
 * only when an admin switches them on; the route checks), and files.
 */
export function isPublicPath(method: string, pathname: string): boolean {
  if (pathname === SIGN_IN_PATH || pathname === '/api/health') return true;
  if (/^\/api\/(auth|webhooks|cron)(\/|$)/.test(pathname)) return true;
  if (method === 'POST' && pathname === '/api/v1/test-runs') return true;
  if (method === 'GET' && pathname.startsWith('/api/badges/')) return true;
  return /^\/(_next\/|__nextjs|favicon\.ico$|icon\.svg$|robots\.txt$)/.test(pathname);
}

/**
 * An API call that brings its own credentials: a bearer token on /api/v1, which the route checks
 * (lib/auth/request-auth) before anything else. The proxy lets it through without a session.
 */
export function carriesApiToken(pathname: string, authorization: string | null): boolean {
  return pathname.startsWith('/api/v1/') && /^Bearer\s/i.test(authorization ?? '');
}

/**
 * Where to go after signing in: the callbackUrl as a path on `origin` (with its query and hash),
 * or "/" when it leads anywhere else. The value is resolved against `origin` the way a browser
 * resolves a Location header, so the tricks that look like a path but leave the site —
 * "/%09/evil.com" (browsers drop tabs and newlines), "/\evil.com" (read as "//"), "//evil.com",
 * "javascript:" — resolve to another origin and are refused.
 * https://url.spec.whatwg.org/#concept-basic-url-parser
 */
export function safeCallbackPath(
  value: string | string[] | undefined | null,
  origin: string,
): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw) return '/';
  let target: URL;
  try {
    target = new URL(raw, origin);
  } catch {
    return '/';
  }
  if (target.origin !== new URL(origin).origin) return '/';
  // A same-origin "http://host//evil.com" has the path "//evil.com", which read on its own as a
  // Location would name another host: one leading slash only.
  const path = target.pathname.replace(/^\/+/, '/');
  return `${path}${target.search}${target.hash}`;
}
