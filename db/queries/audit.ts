import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { AuditEntry } from '@/lib/domain/audit';
import type { AuditFilters } from '@/lib/filters/audit';
import { encodeCursor, type Page, toPage } from '@/lib/paging';
import type { Database } from '../client';
import { compiledPerShape, type RowOf, type ShapeValues } from '../compiled-statement';
import { environments, operations, users } from '../schema';
import { environmentIdBySlug } from './filter-options';
import {
  afterCursor,
  cursorPlaceholders,
  givenFilters,
  pageValues,
  descNullsLast,
  type PageRequest,
} from './keyset';

interface OperationListInput extends AuditFilters {
  projectId: number;
  cursorValue?: string | number;
  cursorId?: number;
  limit: number;
}

const operationList = (db: Database, values: ShapeValues<OperationListInput>) =>
  db
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
        eq(operations.projectId, values.projectId),
        // A login may be held by two users (one renamed away): an actor filter matches both.
        values.actor
          ? inArray(
              operations.actorId,
              db.select({ id: users.id }).from(users).where(eq(users.githubLogin, values.actor)),
            )
          : undefined,
        values.action ? eq(operations.kind, values.action) : undefined,
        values.environment
          ? eq(
              operations.environmentId,
              environmentIdBySlug(db, values.projectId, values.environment),
            )
          : undefined,
        values.outcome ? eq(operations.state, values.outcome) : undefined,
        afterCursor(operations.requestedAt, operations.id, cursorPlaceholders(values), 'timestamp'),
      ),
    )
    .orderBy(descNullsLast(operations.requestedAt), descNullsLast(operations.id))
    .limit(values.limit);
// Built once per combination of filters: the audit page reads it on every request.
const operationListStatement = compiledPerShape<OperationListInput, RowOf<typeof operationList>>(
  operationList,
);

/** The audit log, newest first; each filter has an index that ends in requested_at. */
export async function listOperations(
  db: Database,
  projectId: number,
  filters: AuditFilters,
  page: PageRequest,
): Promise<Page<AuditEntry>> {
  const rows = await operationListStatement(db, {
    projectId,
    ...givenFilters(filters),
    ...pageValues(page, 'timestamp'),
  });
  return toPage(rows, page.limit, (row) => encodeCursor(row.requestedAt, row.id));
}
