import { index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { role } from './enums';
import { projects } from './projects';

export const users = pgTable('users', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  githubLogin: text().notNull().unique(),
  name: text().notNull(),
  email: text(),
  avatarUrl: text(),
  ...timestamps,
});
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

export const memberships = pgTable(
  'memberships',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    role: role().notNull().default('viewer'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('memberships_user_project_uq').on(t.userId, t.projectId),
    index('memberships_project_idx').on(t.projectId),
  ],
);
export type Membership = typeof memberships.$inferSelect;
export type NewMembership = typeof memberships.$inferInsert;
