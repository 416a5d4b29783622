/** Where the proxy and the guards send people; shared with the pages that live there. */
export const SIGN_IN_PATH = '/signin';
export const FORBIDDEN_PATH = '/forbidden';
/** The demo team's Credentials provider: the sign-in page posts to /api/auth/callback/demo. */
export const DEMO_PROVIDER_ID = 'demo';

/**
 * Paths the proxy lets through without a session, because they are the way in or prove who is
 * calling in their own way: next-auth's endpoints, the sign-in page, the health check, webhooks
 * (signatures), crons (CRON_SECRET), test-run uploads (the project's ingest token), and files.
 */
export function isPublicPath(method: string, pathname: string): boolean {
  if (pathname === SIGN_IN_PATH || pathname === '/api/health') return true;
  if (/^\/api\/(auth|webhooks|cron)(\/|$)/.test(pathname)) return true;
  if (method === 'POST' && pathname === '/api/v1/test-runs') return true;
  return /^\/(_next\/|__nextjs|favicon\.ico$|icon\.svg$|robots\.txt$)/.test(pathname);
}

/**
 * A callbackUrl that stays on this site: a path starting with a single "/", else "/". Stops the
 * sign-in page from sending someone to another origin after they sign in.
 */
export function safeCallbackPath(value: string | string[] | undefined | null): string {
  const path = Array.isArray(value) ? value[0] : value;
  if (!path || !path.startsWith('/') || path.startsWith('//') || path.includes('\\')) return '/';
  return path;
}
