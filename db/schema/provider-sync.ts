import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { timestamps, tz } from './columns';
import { deliveryStatus, syncStatus, webhookProvider } from './enums';

/** Stored before they are applied, so the table doubles as a durable queue. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    provider: webhookProvider().notNull(),
    deliveryId: text().notNull(),
    event: text().notNull(),
    action: text(),
    status: deliveryStatus().notNull().default('received'),
    payload: jsonb(),
    /** Kept only when the body could not be parsed, for inspection. */
    rawBody: text(),
    error: text(),
    attempts: integer().notNull().default(0),
    receivedAt: tz().notNull().defaultNow(),
    processedAt: tz(),
    nextAttemptAt: tz(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('webhook_deliveries_provider_delivery_uq').on(t.provider, t.deliveryId),
    index('webhook_deliveries_received_idx').on(t.receivedAt.desc()),
    index('webhook_deliveries_status_next_idx').on(t.status, t.nextAttemptAt),
  ],
);
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
export type NewWebhookDelivery = typeof webhookDeliveries.$inferInsert;

export const syncRuns = pgTable(
  'sync_runs',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    kind: text().notNull(),
    status: syncStatus().notNull(),
    startedAt: tz().notNull().defaultNow(),
    finishedAt: tz(),
    itemsSeen: integer().notNull().default(0),
    itemsChanged: integer().notNull().default(0),
    apiCalls: integer().notNull().default(0),
    errors: jsonb().$type<string[]>().notNull().default([]),
    cursor: text(),
    ...timestamps,
  },
  (t) => [
    index('sync_runs_kind_started_idx').on(t.kind, t.startedAt.desc()),
    // One run at a time per kind, enforced by the database: a second start is refused.
    uniqueIndex('sync_runs_one_running_per_kind_uq')
      .on(t.kind)
      .where(sql`${t.status} = 'running'`),
  ],
);
export type SyncRun = typeof syncRuns.$inferSelect;
export type NewSyncRun = typeof syncRuns.$inferInsert;

/** Conditional-request cache: a sync that finds nothing new is answered 304 and costs no rate limit. */
export const providerEtags = pgTable('provider_etags', {
  key: text().primaryKey(),
  etag: text().notNull(),
  body: jsonb().notNull(),
  ...timestamps,
});
export type ProviderEtag = typeof providerEtags.$inferSelect;
