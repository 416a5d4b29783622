import { date, index, integer, numeric, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { environments, pullRequests } from './environments';
import { costProvider } from './enums';
import { projects } from './projects';

/** One day × provider × metric × environment, in USD. Shared costs have no environment. */
export const costSamples = pgTable(
  'cost_samples',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    day: date({ mode: 'string' }).notNull(),
    provider: costProvider().notNull(),
    metric: text().notNull(),
    environmentId: integer().references(() => environments.id, { onDelete: 'set null' }),
    pullRequestId: integer().references(() => pullRequests.id, { onDelete: 'set null' }),
    quantity: numeric({ precision: 18, scale: 6, mode: 'number' }).notNull(),
    unit: text().notNull(),
    amountUsd: numeric({ precision: 12, scale: 4, mode: 'number' }).notNull(),
    source: text().notNull(),
    ...timestamps,
  },
  (t) => [
    unique('cost_samples_natural_uq')
      .on(t.projectId, t.day, t.provider, t.metric, t.environmentId)
      .nullsNotDistinct(),
    index('cost_samples_project_day_idx').on(t.projectId, t.day),
    index('cost_samples_environment_day_idx').on(t.environmentId, t.day),
    index('cost_samples_pull_request_idx').on(t.pullRequestId),
  ],
);
export type CostSample = typeof costSamples.$inferSelect;
export type NewCostSample = typeof costSamples.$inferInsert;
