import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { timestamps, tz } from './columns';
import { projects } from './projects';

/**
 * Where alerts go. The URL is a secret (whoever holds a Slack or Discord webhook URL can post to
 * the channel), so only its ciphertext is stored, beside a masked hint the board may show.
 */
export const alertChannels = pgTable(
  'alert_channels',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** `slack`, `discord` or `webhook` (generic signed JSON). */
    kind: text().notNull(),
    name: text().notNull(),
    urlCiphertext: text().notNull(),
    /** The URL masked for display, e.g. `hooks.slack.com/services/…/…Qk3f`. */
    urlHint: text().notNull(),
    /** The HMAC signing secret of a generic webhook channel, encrypted like the URL. */
    signingSecretCiphertext: text(),
    enabled: boolean().notNull().default(true),
    createdBy: text(),
    ...timestamps,
  },
  (t) => [index('alert_channels_project_idx').on(t.projectId)],
);
export type AlertChannel = typeof alertChannels.$inferSelect;
export type NewAlertChannel = typeof alertChannels.$inferInsert;

/** A rule's settings per project; a rule without a row runs with its defaults. */
export const alertRules = pgTable(
  'alert_rules',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** The rule's key, one of lib/domain's alert rule keys. */
    rule: text().notNull(),
    enabled: boolean().notNull().default(true),
    /** The rule's editable thresholds, by name. */
    thresholds: jsonb().$type<Record<string, number>>().notNull().default({}),
    /** The channels this rule is routed to. */
    channelIds: jsonb().$type<number[]>().notNull().default([]),
    /** While an alert stays firing, it is sent again after this many minutes (0: never). */
    resendMinutes: integer().notNull().default(240),
    ...timestamps,
  },
  (t) => [uniqueIndex('alert_rules_project_rule_uq').on(t.projectId, t.rule)],
);
export type AlertRule = typeof alertRules.$inferSelect;
export type NewAlertRule = typeof alertRules.$inferInsert;

/**
 * One alert's current state, by dedupe key (rule + subject): notifications go out on a change of
 * state, not on every evaluation.
 */
export const alertStates = pgTable(
  'alert_states',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    rule: text().notNull(),
    subject: text().notNull(),
    dedupeKey: text().notNull(),
    /** `firing` or `resolved`. */
    status: text().notNull(),
    /** What the last evaluation saw: summary, figures and links. */
    detail: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    firedAt: tz().notNull(),
    resolvedAt: tz(),
    lastNotifiedAt: tz(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('alert_states_project_dedupe_uq').on(t.projectId, t.dedupeKey),
    index('alert_states_project_status_idx').on(t.projectId, t.status, t.firedAt.desc()),
  ],
);
export type AlertState = typeof alertStates.$inferSelect;
export type NewAlertState = typeof alertStates.$inferInsert;

/**
 * The outbox: each message to each channel is stored before it is sent, then sent at least once
 * under its idempotency key and retried with backoff. One channel failing never holds another.
 */
export const alertMessages = pgTable(
  'alert_messages',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    channelId: integer().references(() => alertChannels.id, { onDelete: 'set null' }),
    alertStateId: integer().references(() => alertStates.id, { onDelete: 'set null' }),
    rule: text().notNull(),
    dedupeKey: text().notNull(),
    /** `firing`, `reminder`, `resolved` or `test`. */
    event: text().notNull(),
    /** The logical message, before a channel's format: title, severity, summary, fields, links. */
    body: jsonb().$type<Record<string, unknown>>().notNull(),
    idempotencyKey: text().notNull().unique(),
    /** `pending`, `sent` or `failed` (gave up after the last retry). */
    status: text().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    /** Each attempt: when, the HTTP status or error. */
    attemptLog: jsonb()
      .$type<Array<{ at: string; status: number | null; error: string | null }>>()
      .notNull()
      .default([]),
    nextAttemptAt: tz().notNull().defaultNow(),
    sentAt: tz(),
    ...timestamps,
  },
  (t) => [
    index('alert_messages_project_created_idx').on(t.projectId, t.createdAt.desc(), t.id.desc()),
    index('alert_messages_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
  ],
);
export type AlertMessage = typeof alertMessages.$inferSelect;
export type NewAlertMessage = typeof alertMessages.$inferInsert;
