import { decode, getToken } from 'next-auth/jwt';
import { NextRequest } from 'next/server';
import { authSecret } from './config';

/** What getToken reads a session from: a request's cookies (anything with getAll) and headers. */
export interface SessionSource {
  cookies: { getAll(): { name: string; value: string }[] };
  headers: Headers;
}

/** A session cookie that decrypted, with when it stops being valid (ms since the epoch). */
interface OpenedSession {
  githubId: number | null;
  expiresAt: number;
}

/**
 * Sessions already decrypted, by their sealed token. Every page request is checked twice (by
 * proxy.ts and by the page's role check) and a browser sends the same cookie for hours, while
 * opening one derives a key and decrypts it. Only tokens that decrypted are kept, and one is
 * used only until its own expiry, so this answers exactly what decrypting again would.
 */
const opened = new Map<string, OpenedSession>();
const OPENED_LIMIT = 1000;

async function open(token: string): Promise<number | null> {
  const known = opened.get(token);
  if (known && known.expiresAt > Date.now()) return known.githubId;
  if (known) opened.delete(token);
  let payload: Awaited<ReturnType<typeof decode>>;
  try {
    payload = await decode({ token, secret: authSecret() });
  } catch {
    return null;
  }
  if (!payload) return null;
  // A cookie from before sessions carried the GitHub id names only a login, which may have
  // changed hands since: it reads as signed out, and its holder signs in again.
  const githubId = Number.isSafeInteger(payload.githubId) ? (payload.githubId as number) : null;
  if (typeof payload.exp === 'number') {
    if (opened.size >= OPENED_LIMIT) opened.delete(opened.keys().next().value!);
    opened.set(token, { githubId, expiresAt: payload.exp * 1000 });
  }
  return githubId;
}

/**
 * The GitHub numeric user id in a request's session cookie, or null when there is no cookie or it
 * does not decrypt with this server's secret (forged, expired, or sealed with another secret). No
 * database: proxy.ts calls it on every request.
 */
export async function sessionGitHubId(source: Request | SessionSource): Promise<number | null> {
  const req =
    source instanceof Request && !(source instanceof NextRequest)
      ? new NextRequest(source)
      : source;
  const token = await getToken({ req: req as never, raw: true });
  return token ? open(token) : null;
}
