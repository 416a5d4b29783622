import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../client';
import { type Environment, environments } from '../schema';

/**
 * A project's active environment of a long-lived kind (production, staging, development): the
 * first created, should there ever be two. Shared by the board, the operations and the
 * webhook/sync apply path, which runs in scripts too (so no 'server-only' here).
 */
export async function getActiveEnvironmentOfKind(
  db: Database,
  projectId: number,
  kind: Exclude<Environment['kind'], 'preview'>,
): Promise<Environment | undefined> {
  const [row] = await db
    .select()
    .from(environments)
    .where(
      and(
        eq(environments.projectId, projectId),
        eq(environments.kind, kind),
        eq(environments.status, 'active'),
      ),
    )
    .orderBy(asc(environments.id))
    .limit(1);
  return row;
}
