import { getToken } from 'next-auth/jwt';
import { NextRequest } from 'next/server';
import { authSecret } from './config';

/**
 * The GitHub login in a request's session cookie, or null when there is no cookie or it does not
 * decrypt with this server's secret (forged, expired, or sealed with another secret). No database:
 * proxy.ts calls it on every request.
 */
export async function sessionLogin(request: Request): Promise<string | null> {
  const req = request instanceof NextRequest ? request : new NextRequest(request);
  const token = await getToken({ req, secret: authSecret(process.env) });
  return typeof token?.login === 'string' ? token.login : null;
}
