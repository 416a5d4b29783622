/**
 * The Content-Security-Policy of every response, set per request by proxy.ts with a fresh nonce.
 * Scripts run only when they carry the nonce (Next.js puts it on its own, having read it from the
 * request's Content-Security-Policy header) or are loaded by a script that did ('strict-dynamic'):
 * an injected inline script or event handler never runs. 'self' is only a fallback for browsers
 * without CSP 3, which ignore 'strict-dynamic'.
 * https://nextjs.org/docs/app/guides/content-security-policy
 */
export function contentSecurityPolicy(nonce: string, { development = false } = {}): string {
  return [
    "default-src 'self'",
    // `next dev` evaluates code for React's debugging and Fast Refresh; a build never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    // Charts and Tailwind set inline styles; they cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https://avatars.githubusercontent.com",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** 128 random bits, base64: unguessable, and new for every response. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
