import 'server-only';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { readCurrentProject, shareCurrentProject } from '@/db/queries/project';
import { type Actor, loadActor, loadSessionView, type SessionView } from './actor';
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
export const getActor = cache((): Promise<Actor | null> => {
  const view = readSessionView();
  // The same round trip read the project: the page's getCurrentProject need not read it again.
  const project = view.then((found) => (found ? found.project : readCurrentProject(getDb())));
  // A failed read is reported by whoever awaits it, not as an unhandled rejection here.
  project.catch(() => {});
  shareCurrentProject(project);
  return view.then((found) => found?.actor ?? null);
});

async function readSessionView(): Promise<SessionView | null> {
  const login = await sessionLogin({ cookies: await cookies(), headers: await headers() });
  return login ? loadSessionView(getDb(), login) : null;
}
