import { and, asc, eq, type Placeholder, type SQL } from 'drizzle-orm';
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
  kind: LongLivedKind,
): Promise<Environment | undefined> {
  const [row] = await db
    .select()
    .from(environments)
    .where(isActiveOfKind(projectId, kind))
    .orderBy(firstCreated)
    .limit(1);
  return row;
}

type LongLivedKind = Exclude<Environment['kind'], 'preview'>;

/** The filter of getActiveEnvironmentOfKind, for queries that join more onto that environment. */
export function isActiveOfKind(projectId: number | Placeholder, kind: LongLivedKind): SQL {
  return and(
    eq(environments.projectId, projectId),
    eq(environments.kind, kind),
    eq(environments.status, 'active'),
  )!;
}

/** The order of getActiveEnvironmentOfKind: its first row is the pick. */
export const firstCreated = asc(environments.id);
