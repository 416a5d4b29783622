import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import { API_TOKEN_ACTOR_PREFIX } from '@/lib/domain/api-tokens';
import type { AuditEntry, AuditAction, OperationState } from '@/lib/domain/audit';
import {
  type AuditField,
  auditFields,
  deploymentIdsOf,
  type DeploymentSummary,
} from '@/lib/domain/audit-fields';
import type { AuditFilters } from '@/lib/filters/audit';
import { encodeCursor, type Page, toPage } from '@/lib/paging';
import type { Database } from '../client';
import { compiledPerShape, type RowOf, type ShapeValues } from '../compiled-statement';
import { apiTokens, approvals, deployments, environments, operations, users } from '../schema';
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

/**
 * The log's entries: every operation, and every decision on a requested promotion as an entry
 * of its own, its actor the release manager who decided, at the time they decided.
 */
function auditEntries(db: Database) {
  const asOperation = db
    .select({
      id: operations.id,
      action: sql<AuditAction>`${operations.kind}::text`.as('action'),
      operationId: sql<number>`${operations.id}`.as('operation_id'),
      kind: operations.kind,
      state: sql<OperationState>`${operations.state}::text`.as('state'),
      projectId: operations.projectId,
      environmentId: operations.environmentId,
      actorId: operations.actorId,
      actorTokenId: operations.actorTokenId,
      reason: operations.reason,
      before: operations.before,
      after: operations.after,
      error: operations.error,
      at: operations.requestedAt,
      startedAt: operations.startedAt,
      finishedAt: operations.finishedAt,
    })
    .from(operations);
  const asDecision = db
    .select({
      id: sql<number>`-${approvals.id}`,
      action: sql<AuditAction>`case ${approvals.decision} when 'approved' then 'approve' else 'reject' end`,
      operationId: operations.id,
      kind: operations.kind,
      state: sql<OperationState>`${approvals.decision}::text`,
      projectId: operations.projectId,
      environmentId: operations.environmentId,
      actorId: approvals.approverId,
      // Only a person decides: a token can never approve.
      actorTokenId: sql<number | null>`null::integer`,
      reason: approvals.reason,
      before: operations.before,
      after: sql<null>`null::jsonb`,
      error: sql<null>`null`,
      at: approvals.createdAt,
      startedAt: sql<null>`null::timestamptz`,
      finishedAt: sql<null>`null::timestamptz`,
    })
    .from(approvals)
    .innerJoin(operations, eq(operations.id, approvals.operationId));
  return unionAll(asOperation, asDecision).as('entries');
}

const operationList = (db: Database, values: ShapeValues<OperationListInput>) => {
  const entries = auditEntries(db);
  return db
    .select({
      id: entries.id,
      action: entries.action,
      operationId: entries.operationId,
      kind: entries.kind,
      state: entries.state,
      actorLogin: users.githubLogin,
      // An operation an API token requested names the token where a person's name would be.
      actorName: sql<
        string | null
      >`coalesce(${users.name}, ${API_TOKEN_ACTOR_PREFIX} || ${apiTokens.name})`.as('actor_name'),
      environmentSlug: environments.slug,
      environmentName: environments.name,
      reason: entries.reason,
      before: entries.before,
      after: entries.after,
      error: entries.error,
      requestedAt: entries.at,
      startedAt: entries.startedAt,
      finishedAt: entries.finishedAt,
    })
    .from(entries)
    .leftJoin(users, eq(users.id, entries.actorId))
    .leftJoin(apiTokens, eq(apiTokens.id, entries.actorTokenId))
    .leftJoin(environments, eq(environments.id, entries.environmentId))
    .where(
      and(
        eq(entries.projectId, values.projectId),
        // A login may be held by two users (one renamed away): an actor filter matches both.
        values.actor
          ? inArray(
              entries.actorId,
              db.select({ id: users.id }).from(users).where(eq(users.githubLogin, values.actor)),
            )
          : undefined,
        values.action ? eq(entries.action, values.action) : undefined,
        values.environment
          ? eq(entries.environmentId, environmentIdBySlug(db, values.projectId, values.environment))
          : undefined,
        values.outcome ? eq(entries.state, values.outcome) : undefined,
        afterCursor(entries.at, entries.id, cursorPlaceholders(values), 'timestamp'),
      ),
    )
    .orderBy(descNullsLast(entries.at), descNullsLast(entries.id))
    .limit(values.limit);
};
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

/** The deployments the entries name by id, by commit and title, so no entry shows a bare id. */
export async function describeDeployments(
  db: Database,
  projectId: number,
  ids: readonly number[],
): Promise<Map<number, DeploymentSummary>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: deployments.id,
      commitSha: deployments.commitSha,
      commitMessage: deployments.commitMessage,
      url: deployments.url,
    })
    .from(deployments)
    .where(and(eq(deployments.projectId, projectId), inArray(deployments.id, [...ids])));
  return new Map(rows.map(({ id, ...summary }) => [id, summary]));
}

/** A page of the log as the audit page shows it: each entry with its details as labelled fields. */
export async function listAuditEntries(
  db: Database,
  projectId: number,
  filters: AuditFilters,
  page: PageRequest,
): Promise<Page<AuditEntry & { fields: AuditField[] }>> {
  const listed = await listOperations(db, projectId, filters, page);
  const named = await describeDeployments(db, projectId, deploymentIdsOf(listed.rows));
  return {
    ...listed,
    rows: listed.rows.map((entry) => ({ ...entry, fields: auditFields(entry, named) })),
  };
}
