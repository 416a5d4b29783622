import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  index,
  integer,
  pgTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { timestamps, tz } from './columns';
import {
  dbBranchState,
  deploymentSource,
  deploymentState,
  environmentKind,
  environmentStatus,
  pullRequestState,
} from './enums';
import { projects } from './projects';

export const pullRequests = pgTable(
  'pull_requests',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    number: integer().notNull(),
    title: text().notNull(),
    author: text().notNull(),
    headBranch: text().notNull(),
    baseBranch: text().notNull(),
    headSha: text().notNull(),
    /**
     * The head branch lives in another repository (a fork): envboard gives it no preview
     * database, no DATABASE_URL and no delete, since its branch name says nothing about ours.
     */
    fromFork: boolean().notNull().default(false),
    state: pullRequestState().notNull(),
    draft: boolean().notNull().default(false),
    htmlUrl: text(),
    openedAt: tz().notNull(),
    closedAt: tz(),
    mergedAt: tz(),
    /** The provider's own updated_at: newer events win, arrival order does not matter. */
    providerUpdatedAt: tz().notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('pull_requests_project_number_uq').on(t.projectId, t.number),
    index('pull_requests_project_state_opened_idx').on(t.projectId, t.state, t.openedAt),
    index('pull_requests_head_branch_idx').on(t.projectId, t.headBranch),
  ],
);
export type PullRequest = typeof pullRequests.$inferSelect;
export type NewPullRequest = typeof pullRequests.$inferInsert;

export const dbBranches = pgTable(
  'db_branches',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    neonBranchId: text().notNull().unique(),
    name: text().notNull(),
    parentNeonBranchId: text(),
    isDefault: boolean().notNull().default(false),
    protected: boolean().notNull().default(false),
    state: dbBranchState().notNull(),
    logicalSizeBytes: bigint({ mode: 'number' }).notNull().default(0),
    computeSeconds: bigint({ mode: 'number' }).notNull().default(0),
    migrationsValidatedAt: tz(),
    lastResetAt: tz(),
    expiresAt: tz(),
    providerCreatedAt: tz().notNull(),
    providerUpdatedAt: tz().notNull(),
    deletedAt: tz(),
    ...timestamps,
  },
  (t) => [index('db_branches_project_name_idx').on(t.projectId, t.name)],
);
export type DbBranch = typeof dbBranches.$inferSelect;
export type NewDbBranch = typeof dbBranches.$inferInsert;

export const environments = pgTable(
  'environments',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    kind: environmentKind().notNull(),
    slug: text().notNull(),
    name: text().notNull(),
    gitBranch: text().notNull(),
    url: text(),
    healthUrl: text(),
    pullRequestId: integer().references(() => pullRequests.id, { onDelete: 'set null' }),
    dbBranchId: integer().references(() => dbBranches.id, { onDelete: 'set null' }),
    currentDeploymentId: integer().references((): AnyPgColumn => deployments.id, {
      onDelete: 'set null',
    }),
    status: environmentStatus().notNull().default('active'),
    pinned: boolean().notNull().default(false),
    /** A preview pinned by a developer: kept past its TTL until this time, for this reason. */
    pinnedUntil: tz(),
    pinReason: text(),
    pinnedBy: text(),
    /** Production's freeze window: promotions are refused from `frozenFrom` until `frozenUntil`. */
    frozenFrom: tz(),
    frozenUntil: tz(),
    freezeReason: text(),
    frozenBy: text(),
    expiresAt: tz(),
    lastActivityAt: tz().notNull().defaultNow(),
    deletedAt: tz(),
    /** The sticky pull-request comment envboard keeps up to date for this preview. */
    prCommentId: bigint({ mode: 'number' }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('environments_project_slug_uq').on(t.projectId, t.slug),
    index('environments_project_kind_status_idx').on(t.projectId, t.kind, t.status),
    index('environments_pull_request_idx').on(t.pullRequestId),
  ],
);
export type Environment = typeof environments.$inferSelect;
export type NewEnvironment = typeof environments.$inferInsert;

export const deployments = pgTable(
  'deployments',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    environmentId: integer()
      .notNull()
      .references(() => environments.id, { onDelete: 'cascade' }),
    pullRequestId: integer().references(() => pullRequests.id, { onDelete: 'set null' }),
    vercelId: text().notNull().unique(),
    url: text().notNull(),
    target: environmentKind().notNull(),
    state: deploymentState().notNull(),
    source: deploymentSource().notNull(),
    /** For promote / rollback: the deployment whose build is now served. */
    sourceDeploymentId: integer().references((): AnyPgColumn => deployments.id, {
      onDelete: 'set null',
    }),
    gitBranch: text().notNull(),
    commitSha: text().notNull(),
    commitMessage: text().notNull(),
    commitAuthor: text().notNull(),
    errorMessage: text(),
    providerCreatedAt: tz().notNull(),
    buildStartedAt: tz(),
    readyAt: tz(),
    buildDurationMs: integer(),
    providerUpdatedAt: tz().notNull(),
    ...timestamps,
  },
  (t) => [
    index('deployments_project_created_idx').on(
      t.projectId,
      t.providerCreatedAt.desc(),
      t.id.desc(),
    ),
    index('deployments_environment_created_idx').on(
      t.environmentId,
      t.providerCreatedAt.desc(),
      t.id.desc(),
    ),
    index('deployments_state_created_idx').on(t.projectId, t.state, t.providerCreatedAt.desc()),
    index('deployments_target_created_idx').on(t.projectId, t.target, t.providerCreatedAt.desc()),
    index('deployments_branch_created_idx').on(
      t.projectId,
      t.gitBranch,
      t.providerCreatedAt.desc(),
    ),
    index('deployments_author_created_idx').on(
      t.projectId,
      t.commitAuthor,
      t.providerCreatedAt.desc(),
    ),
    // "Slowest builds first" on the deployments page, alone and with the environment or target
    // filter (those two can match few finished builds, where walking the project-wide order
    // would read every row). Only finished builds have a duration.
    index('deployments_build_duration_idx')
      .on(t.projectId, t.buildDurationMs.desc(), t.id.desc())
      .where(sql`${t.buildDurationMs} is not null`),
    index('deployments_environment_build_duration_idx')
      .on(t.environmentId, t.buildDurationMs.desc(), t.id.desc())
      .where(sql`${t.buildDurationMs} is not null`),
    index('deployments_target_build_duration_idx')
      .on(t.projectId, t.target, t.buildDurationMs.desc(), t.id.desc())
      .where(sql`${t.buildDurationMs} is not null`),
    index('deployments_commit_idx').on(t.commitSha),
    index('deployments_pull_request_idx')
      .on(t.pullRequestId)
      .where(sql`${t.pullRequestId} is not null`),
  ],
);
export type Deployment = typeof deployments.$inferSelect;
export type NewDeployment = typeof deployments.$inferInsert;
