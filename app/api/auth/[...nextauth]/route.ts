import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { authOptionsFromEnv } from '@/lib/auth/options';

export const dynamic = 'force-dynamic';

/** next-auth's sign-in, callback, session and sign-out endpoints. */
async function handler(
  request: NextRequest,
  context: { params: Promise<{ nextauth: string[] }> },
): Promise<Response> {
  return NextAuth(authOptionsFromEnv())(request, context);
}

export { handler as GET, handler as POST };
