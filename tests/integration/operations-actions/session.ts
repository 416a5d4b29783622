import type { DatabaseHandle } from '@/db/client';
import type { User } from '@/db/schema';
import { resetProviderClients } from '@/lib/wiring/provider-clients';
import { sessionCookie } from '@/tests/support/session';
import { NEON_PROJECT, REPO, TOKEN, type World } from '../operations/world';
import { request } from './next-mocks';

/** The signed-in member whose session cookie the next action call carries; none: signed out. */
export async function signInAs(user: User | undefined): Promise<void> {
  request.cookie = user ? await sessionCookie(user) : undefined;
}

/** Waits for what the actions left running after answering. */
export async function finishBackgroundWork(): Promise<void> {
  while (request.background.length > 0) {
    await Promise.all(request.background.splice(0));
  }
}

/**
 * Points the app at the world's database (the process-wide handle db/client caches) and its
 * sandboxes (through the same variables production sets), as a running server would be.
 */
export function serveWorld(world: World): void {
  (globalThis as { envboardDatabase?: DatabaseHandle }).envboardDatabase = world.handle;
  Object.assign(process.env, {
    GITHUB_API_URL: world.github.baseUrl,
    GITHUB_TOKEN: TOKEN,
    GITHUB_REPOSITORY: `${REPO.owner}/${REPO.name}`,
    VERCEL_API_URL: world.vercel.baseUrl,
    VERCEL_TOKEN: TOKEN,
    NEON_API_URL: world.neon.apiUrl,
    NEON_API_KEY: TOKEN,
    NEON_PROJECT_ID: NEON_PROJECT,
  });
  resetProviderClients();
}
