import { type NextRequest, NextResponse } from 'next/server';
import { errorResponse } from '@/lib/http/responses';
import { isPublicPath, SIGN_IN_PATH } from '@/lib/auth/paths';
import { sessionGitHubId } from '@/lib/auth/session-token';

/**
 * The first gate: every page and API route needs a valid session cookie, except the paths that
 * authenticate themselves (lib/auth/paths.ts). Pages without one go to the sign-in page and come
 * back afterwards; API calls get a 401 JSON body. This checks only that the cookie is genuine;
 * the role is checked against the database where the work is done (lib/auth guards), so a
 * server action or route is never protected by this file alone.
 */
export async function proxy(request: NextRequest): Promise<Response> {
  const { pathname, search } = request.nextUrl;
  if (isPublicPath(request.method, pathname)) return NextResponse.next();
  if ((await sessionGitHubId(request)) !== null) return NextResponse.next();
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

export const config = {
  // Build output and the favicon never reach the proxy; everything else is decided above.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
