import { boolean, integer, jsonb, numeric, pgTable, text } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';

export const projects = pgTable('projects', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  slug: text().notNull().unique(),
  name: text().notNull(),
  githubOwner: text().notNull(),
  githubRepo: text().notNull(),
  productionBranch: text().notNull().default('main'),
  vercelProjectId: text(),
  vercelTeamId: text(),
  neonProjectId: text(),
  monthlyBudgetUsd: numeric({ precision: 12, scale: 2, mode: 'number' }).notNull().default(100),
  requireApproval: boolean().notNull().default(true),
  previewTtlDays: integer().notNull().default(7),
  /**
   * SHA-256 of the upload token issued before API tokens existed. No longer read: migration 0007
   * copied it into api_tokens (scope `report`), which is the one way tokens authenticate now.
   */
  uploadTokenHash: text('ingest_token_hash'),
  /** Check and test-suite names that must be green on a commit before it may reach production. */
  requiredChecks: jsonb().$type<string[]>().notNull().default(['ci']),
  /** Called after a preview's database branch is reset from its parent. */
  seedHookUrl: text(),
  /** Status badges are served without a session only when an admin switches them on. */
  badgesPublic: boolean().notNull().default(false),
  /** A preview whose projected cost to its expiry is above this is flagged. */
  previewCostWarningUsd: numeric({ precision: 12, scale: 2, mode: 'number' }).notNull().default(5),
  uptimeSloPct: numeric({ precision: 6, scale: 3, mode: 'number' }).notNull().default(99.9),
  ...timestamps,
});
export type Project = typeof projects.$inferSelect;
export type NewProject = typeof projects.$inferInsert;
