import { type NextRequest, NextResponse } from 'next/server';
import { errorResponse } from '@/lib/http/responses';
import { contentSecurityPolicy, createNonce } from '@/lib/http/content-security-policy';
import { createRequestId, REQUEST_ID_HEADER } from '@/lib/http/request-id';
import { carriesApiToken, isPublicPath, SIGN_IN_PATH } from '@/lib/domain/auth-paths';
import { decodablePath } from '@/lib/domain/url-path';
import { sessionGitHubId } from '@/lib/auth/session-token';
import { runtimeSettings } from '@/lib/settings/settings';

/**
 * The first gate: every page and API route needs a valid session cookie, except the paths that
 * authenticate themselves and /api/v1 calls with a bearer token (lib/domain/auth-paths.ts). Pages without one go to the sign-in page
 * and come back afterwards; API calls get a 401 JSON body. This checks only that the cookie is
 * genuine; the role is checked against the database where the work is done (lib/auth guards), so
 * a server action or route is never protected by this file alone.
 *
 * Every answer, public pages included, carries a Content-Security-Policy with a nonce made for
 * this request alone, and a request id that the page (its error screen) and the answer share.
 */
export async function proxy(request: NextRequest): Promise<Response> {
  const policy = contentSecurityPolicy(createNonce(), {
    development: runtimeSettings().NODE_ENV === 'development',
  });
  const requestId = createRequestId();
  const response = await admit(request, policy, requestId);
  response.headers.set('Content-Security-Policy', policy);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

async function admit(request: NextRequest, policy: string, requestId: string): Promise<Response> {
  const { pathname, search } = request.nextUrl;
  if (
    isPublicPath(request.method, pathname) ||
    carriesApiToken(pathname, request.headers.get('authorization')) ||
    (await sessionGitHubId(request)) !== null
  ) {
    const decodable = decodablePath(pathname);
    if (decodable !== pathname) return undecodable(request, decodable);
    return withPolicy(request, policy, requestId);
  }
  if (pathname.startsWith('/api/')) {
    return errorResponse(
      401,
      'unauthenticated',
      'Sign in to envboard first; this needs a session.',
    );
  }
  const signIn = new URL(SIGN_IN_PATH, request.url);
  signIn.searchParams.set('callbackUrl', `${pathname}${search}`);
  return NextResponse.redirect(signIn);
}

/**
 * Goes on to the page or route, handing Next.js the policy it reads the nonce from, and the page
 * its request id (a client's own x-request-id is replaced, never trusted).
 */
function withPolicy(request: NextRequest, policy: string, requestId: string): Response {
  const headers = new Headers(request.headers);
  headers.set('Content-Security-Policy', policy);
  headers.set(REQUEST_ID_HEADER, requestId);
  return NextResponse.next({ request: { headers } });
}

/**
 * A path that is not valid percent-encoding names no route or row: the API answers its JSON 404;
 * a page address goes to the same path with those segments as literal text, which the page
 * answers (an id or slug of that text: "This page does not exist", 404).
 */
function undecodable(request: NextRequest, decodable: string): Response {
  if (request.nextUrl.pathname.startsWith('/api/')) {
    return errorResponse(404, 'not_found', 'No API route answers this path.');
  }
  const target = request.nextUrl.clone();
  target.pathname = decodable;
  return NextResponse.redirect(target);
}

export const config = {
  // Build output and the favicon never reach the proxy; everything else is decided above, and
  // every page (public ones too) gets its policy here.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
