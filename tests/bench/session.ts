import { sql } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import type { Database } from '@/db/client';
import { firstRow } from '@/db/migrate';

export const BENCH_AUTH_SECRET = 'envboard-bench-session-secret';

/**
 * A session cookie for the bench project's first member (its admin, who sees every operation
 * button), sealed the way next-auth seals one, so the
 * load goes through the same proxy and role checks a signed-in browser does.
 */
export async function benchSession(db: Database): Promise<{ githubId: number; cookie: string }> {
  const member = firstRow(
    await db.execute(
      sql`select u.github_id as github_id, u.github_login as login from users u join memberships m on m.user_id = u.id order by m.id limit 1`,
    ),
  );
  if (!member) throw new Error('The bench database has no project member to sign in as.');
  const githubId = Number(member.github_id);
  const token = await encode({
    token: { githubId, login: String(member.login) },
    secret: BENCH_AUTH_SECRET,
  });
  return { githubId, cookie: `next-auth.session-token=${token}` };
}
