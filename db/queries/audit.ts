import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { AuditEntry, OperationKind, OperationState } from '@/lib/domain/audit';
import { encodeCursor, type Page, toPage } from '@/lib/paging';
import type { Database } from '../client';
import { environments, operations, users } from '../schema';
import { environmentIdBySlug } from './filter-options';
import { afterCursor, descNullsLast, type PageRequest } from './keyset';

export interface OperationFilters {
  /** The actor's GitHub login. */
  actor?: string;
  action?: OperationKind;
  /** Environment slug. */
  environment?: string;
  outcome?: OperationState;
}

/** The audit log, newest first; each filter has an index that ends in requested_at. */
export async function listOperations(
  db: Database,
  projectId: number,
  filters: OperationFilters,
  page: PageRequest,
): Promise<Page<AuditEntry>> {
  const rows = await db
    .select({
      id: operations.id,
      kind: operations.kind,
      state: operations.state,
      actorLogin: users.githubLogin,
      actorName: users.name,
      environmentSlug: environments.slug,
      environmentName: environments.name,
      reason: operations.reason,
      before: operations.before,
      after: operations.after,
      error: operations.error,
      requestedAt: operations.requestedAt,
      startedAt: operations.startedAt,
      finishedAt: operations.finishedAt,
    })
    .from(operations)
    .leftJoin(users, eq(users.id, operations.actorId))
    .leftJoin(environments, eq(environments.id, operations.environmentId))
    .where(
      and(
        eq(operations.projectId, projectId),
        filters.actor
          ? eq(
              operations.actorId,
              sql`(${db.select({ id: users.id }).from(users).where(eq(users.githubLogin, filters.actor))})`,
            )
          : undefined,
        filters.action ? eq(operations.kind, filters.action) : undefined,
        filters.environment
          ? eq(operations.environmentId, environmentIdBySlug(db, projectId, filters.environment))
          : undefined,
        filters.outcome ? eq(operations.state, filters.outcome) : undefined,
        afterCursor(operations.requestedAt, operations.id, page.cursor, 'timestamp'),
      ),
    )
    .orderBy(descNullsLast(operations.requestedAt), descNullsLast(operations.id))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (row) => encodeCursor(row.requestedAt, row.id));
}
