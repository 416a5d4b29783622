import 'server-only';
import { headers } from 'next/headers';

/**
 * The origin the browser asked for this page on, from the Host header (or a proxy's
 * X-Forwarded-Host / X-Forwarded-Proto, as Vercel sets them). It only decides whether an absolute
 * callbackUrl counts as this site: safeCallbackPath answers a path either way, so a forged Host
 * cannot send anyone elsewhere.
 */
export async function requestOrigin(): Promise<string> {
  const list = await headers();
  const host = list.get('x-forwarded-host') ?? list.get('host') ?? 'localhost';
  const protocol = list.get('x-forwarded-proto') === 'https' ? 'https' : 'http';
  try {
    return new URL(`${protocol}://${host}`).origin;
  } catch {
    return 'http://localhost';
  }
}
