import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type User, users } from '@/db/schema';

export async function findUserByGitHubId(
  db: Database,
  githubId: number,
): Promise<User | undefined> {
  const [row] = await db.select().from(users).where(eq(users.githubId, githubId));
  return row;
}
