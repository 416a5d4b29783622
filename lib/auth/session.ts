import 'server-only';
import { headers } from 'next/headers';
import { NextRequest } from 'next/server';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { type Actor, loadActor } from './actor';
import { sessionLogin } from './session-token';

/** The actor behind a route handler's request, or null when not signed in. */
export async function getRequestActor(request: Request): Promise<Actor | null> {
  const login = await sessionLogin(request);
  return login ? loadActor(getDb(), login) : null;
}

/**
 * The actor for the page or server action being rendered, or null when not signed in. Cached per
 * request: the layout and the page ask once between them.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  // Only the cookie header matters; the URL is a placeholder NextRequest requires.
  const request = new NextRequest('http://envboard.internal/', { headers: await headers() });
  return getRequestActor(request);
});
