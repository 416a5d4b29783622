import { encode } from 'next-auth/jwt';
import type { Database } from '../../db/client';
import type { Project, User } from '../../db/schema';
import { setMembership } from '../../db/writes';
import { authSecret } from '../../lib/auth/config';
import type { Role } from '../../lib/auth/roles';
import { createUser } from './factories';

/**
 * A real next-auth session cookie for `login`, sealed with the server's secret exactly as
 * next-auth seals it after sign-in.
 */
export async function sessionCookie(
  login: string,
  secret = authSecret(process.env),
): Promise<string> {
  const token = await encode({ token: { login, sub: login }, secret });
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
  return { user, cookie: await sessionCookie(user.githubLogin) };
}

/** A GET Request carrying `cookie`, as a route handler receives it. */
export function getWithCookie(path: string, cookie?: string): Request {
  return new Request(`http://localhost${path}`, cookie ? { headers: { cookie } } : {});
}
