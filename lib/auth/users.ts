import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type User, users } from '@/db/schema';

export async function findUserByGitHubId(
  db: Database,
  githubId: number,
): Promise<User | undefined> {
  const [row] = await db.select().from(users).where(eq(users.githubId, githubId));
  return row;
}

/**
 * A user written before envboard recorded GitHub ids is claimed by the first sign-in with its
 * login, which records the id: from then on only that id matches it. Claiming by login trusts
 * the login once, at the first sign-in after the upgrade; a login renamed and taken by someone
 * else before then would pass the row to them, so the window is that first sign-in.
 */
export async function claimLegacyUser(
  db: Database,
  githubId: number,
  login: string,
): Promise<User | undefined> {
  const [row] = await db
    .update(users)
    .set({ githubId })
    .where(and(eq(users.githubLogin, login), isNull(users.githubId)))
    .returning();
  return row;
}
