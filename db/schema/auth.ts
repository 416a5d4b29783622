import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { membershipSource, role } from './enums';
import { projects } from './projects';

export const users = pgTable(
  'users',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    /**
     * GitHub's numeric user id: the identity sign-in matches on, since a login can be renamed and
     * then taken by someone else. Null only on rows written before it was recorded, until their
     * first sign-in.
     */
    githubId: bigint({ mode: 'number' }).unique(),
    /** The login as of the last sign-in; not unique, since an old login may pass to another. */
    githubLogin: text().notNull(),
    name: text().notNull(),
    email: text(),
    avatarUrl: text(),
    ...timestamps,
  },
  (t) => [index('users_github_login_idx').on(t.githubLogin)],
);
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
    /** Given by hand, or by a GitHub team through GITHUB_TEAM_ROLES (then `team` names it). */
    source: membershipSource().notNull().default('manual'),
    /** `org/team` of a team-given role; null for one given by hand. */
    team: text(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('memberships_user_project_uq').on(t.userId, t.projectId),
    index('memberships_project_idx').on(t.projectId),
    check(
      'memberships_team_names_source_ck',
      sql`(${t.source} = 'team') = (${t.team} is not null)`,
    ),
  ],
);
export type Membership = typeof memberships.$inferSelect;
export type NewMembership = typeof memberships.$inferInsert;
