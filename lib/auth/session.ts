import 'server-only';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { getDatabase } from '@/db/client';
import { readCurrentProject, shareCurrentProject } from '@/db/queries/project';
import type { Actor } from '@/lib/domain/actor';
import { actorOf, type Caller, loadCaller, loadSessionView } from './actor';
import { sessionGitHubId } from './session-token';

/** The caller behind a route handler's request, or null when not signed in. */
export async function getRequestCaller(request: Request): Promise<Caller | null> {
  const githubId = await sessionGitHubId(request);
  return githubId === null ? null : loadCaller(getDatabase(), githubId);
}

/** The actor behind a route handler's request: null when not signed in or without a role. */
export async function getRequestActor(request: Request): Promise<Actor | null> {
  return actorOf(await getRequestCaller(request));
}

/**
 * The caller for the page or server action being rendered, or null when not signed in. Cached
 * per request: the layout and the page ask once between them.
 */
export const getCaller = cache((): Promise<Caller | null> => {
  const view = readSessionView();
  // The same round trip read the project: the page's getCurrentProject need not read it again.
  const project = view.then((found) => (found ? found.project : readCurrentProject(getDatabase())));
  // A failed read is reported by whoever awaits it, not as an unhandled rejection here.
  project.catch(() => {});
  shareCurrentProject(project);
  return view.then((found) => found?.caller ?? null);
});

/** The actor for the page or server action being rendered: null when signed out or role-less. */
export async function getActor(): Promise<Actor | null> {
  return actorOf(await getCaller());
}

async function readSessionView() {
  const githubId = await sessionGitHubId({ cookies: await cookies(), headers: await headers() });
  return githubId === null ? null : loadSessionView(getDatabase(), githubId);
}
