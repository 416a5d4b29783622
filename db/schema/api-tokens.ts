import { index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { timestamps, tz } from './columns';
import { projects } from './projects';

/**
 * Project API tokens (`envb_api_…`) for CI jobs and scripts: only the SHA-256 of a token is
 * stored, so it is shown once, when created.
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** Who the token acts as in the audit log. */
    name: text().notNull(),
    /** Any of `read`, `report`, `operate`. */
    scopes: jsonb().$type<string[]>().notNull(),
    tokenHash: text().notNull().unique(),
    /** The token's last four characters, so people can tell tokens apart. */
    lastFour: text().notNull().default(''),
    expiresAt: tz(),
    lastUsedAt: tz(),
    revokedAt: tz(),
    createdBy: text(),
    ...timestamps,
  },
  (t) => [index('api_tokens_project_idx').on(t.projectId)],
);
export type ApiToken = typeof apiTokens.$inferSelect;
export type NewApiToken = typeof apiTokens.$inferInsert;
