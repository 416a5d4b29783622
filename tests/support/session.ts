import { encode } from 'next-auth/jwt';
import type { Database } from '../../db/client';
import type { Project, User } from '../../db/schema';
import { setMembership } from '../../db/writes';
import { authSecret } from '../../lib/auth/config';
import type { Role } from '../../lib/domain/roles';
import { createUser } from './factories';

/** A GitHub user id no test user holds: a valid cookie for someone envboard does not know. */
export const UNKNOWN_GITHUB_ID = 999_999_999;

/**
 * A real next-auth session cookie for the GitHub user with this numeric id, sealed with the
 * server's secret exactly as next-auth seals it after sign-in.
 */
export async function sessionCookie(
  user: Pick<User, 'githubId'> & { githubLogin?: string },
  secret = authSecret(process.env),
): Promise<string> {
  const { githubId, githubLogin: login = 'someone' } = user;
  const token = await encode({
    token: { githubId: githubId ?? undefined, login, sub: String(githubId) },
    secret,
  });
  return `next-auth.session-token=${token}`;
}

/** A new user with `role` on `project`, and their session cookie. */
export async function signedInMember(
  db: Database,
  project: Project,
  role: Role,
): Promise<{ user: User; cookie: string }> {
  const user = await createUser(db);
  await setMembership(db, { userId: user.id, projectId: project.id, role });
  return { user, cookie: await sessionCookie(user) };
}

/** A GET Request carrying `cookie`, as a route handler receives it. */
export function getWithCookie(path: string, cookie?: string): Request {
  return new Request(`http://localhost${path}`, cookie ? { headers: { cookie } } : {});
}
