import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { apiTokens } from './api-tokens';
import { users } from './auth';
import { timestamps, tz } from './columns';
import { environments } from './environments';
import { approvalDecision, operationKind, operationState } from './enums';
import { projects } from './projects';

/** The operations log doubles as the audit log: who did what, from what to what, and how it ended. */
export const operations = pgTable(
  'operations',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    environmentId: integer().references(() => environments.id, { onDelete: 'set null' }),
    kind: operationKind().notNull(),
    state: operationState().notNull(),
    idempotencyKey: text().notNull().unique(),
    actorId: integer().references(() => users.id, { onDelete: 'set null' }),
    /** The API token that requested it, when a token rather than a person did. */
    actorTokenId: integer().references(() => apiTokens.id, { onDelete: 'set null' }),
    reason: text(),
    before: jsonb().$type<Record<string, unknown>>(),
    after: jsonb().$type<Record<string, unknown>>(),
    /** The step in flight, so a crashed operation can be recovered from where it stopped. */
    step: text(),
    error: text(),
    requestedAt: tz().notNull().defaultNow(),
    startedAt: tz(),
    finishedAt: tz(),
    ...timestamps,
  },
  (t) => [
    // One operation in flight per environment, enforced by the database.
    uniqueIndex('operations_one_active_per_environment_uq')
      .on(t.environmentId)
      .where(sql`${t.state} in ('requested', 'approved', 'running')`),
    index('operations_project_requested_idx').on(t.projectId, t.requestedAt.desc(), t.id.desc()),
    index('operations_actor_requested_idx').on(t.actorId, t.requestedAt.desc()),
    index('operations_kind_requested_idx').on(t.projectId, t.kind, t.requestedAt.desc()),
    index('operations_state_requested_idx').on(t.projectId, t.state, t.requestedAt.desc()),
    index('operations_environment_requested_idx').on(t.environmentId, t.requestedAt.desc()),
  ],
);
export type Operation = typeof operations.$inferSelect;
export type NewOperation = typeof operations.$inferInsert;

export const approvals = pgTable(
  'approvals',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    operationId: integer()
      .notNull()
      .references(() => operations.id, { onDelete: 'cascade' }),
    approverId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    decision: approvalDecision().notNull(),
    reason: text().notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex('approvals_operation_approver_uq').on(t.operationId, t.approverId)],
);
export type Approval = typeof approvals.$inferSelect;
export type NewApproval = typeof approvals.$inferInsert;
