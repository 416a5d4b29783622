import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoTeam } from '@/lib/demo/team';
import type { Role } from '@/lib/domain/roles';

/**
 * Signed-in browser states, one per role, written by auth.setup.ts before the specs run. Specs
 * run as a viewer (playwright.config.ts); one that needs more asks for it:
 * `test.use({ storageState: storageStateFor('release_manager') })`. Outside the project, which
 * `next dev` watches.
 */
export function storageStateFor(role: Role): string {
  return join(tmpdir(), 'envboard-e2e-auth', `${role}.json`);
}

/** The seeded demo person who holds `role`, the one each storage state signs in as. */
export function demoPersonWith(role: Role): { login: string; name: string } {
  const person = demoTeam().find((member) => member.role === role);
  if (!person) throw new Error(`The demo team has nobody with the ${role} role.`);
  return { login: person.githubLogin, name: person.name };
}

/** A state with no cookies, for specs about signing in. */
export const SIGNED_OUT = { cookies: [], origins: [] };
