/**
 * Alerts' vocabulary, shared by the rules that decide what fires, the outbox that stores each
 * message, the channels that format it and the pages that show it.
 */

/** Where a message goes: a Slack or Discord incoming webhook, or any URL taking signed JSON. */
export const ALERT_CHANNEL_KINDS = ['slack', 'discord', 'webhook'] as const;
export type AlertChannelKind = (typeof ALERT_CHANNEL_KINDS)[number];

/**
 * The rules, by key. A key is stored in `alert_rules.rule`, `alert_states.rule` and
 * `alert_messages.rule`, so the list only grows.
 */
export const ALERT_RULE_KEYS = [
  'budget_month_to_date',
  'budget_forecast',
  'daily_cost_spike',
  'environment_down',
  'slo_burn_rate',
  'production_deploy_failed',
  'rollback_happened',
  'promotion_waiting',
  'freeze_window',
  'preview_provision_failed',
  'preview_expiring',
  'preview_cost',
  'sync_failing',
  'webhook_deliveries_failing',
] as const;
export type AlertRuleKey = (typeof ALERT_RULE_KEYS)[number];

/** The rule a channel's "Send test" message is stored under: no rule fired, a person asked. */
export const CHANNEL_TEST_RULE = 'channel_test';

/** Why a message was sent: it started firing, it still fires, it stopped, or someone tested. */
export const ALERT_EVENTS = ['firing', 'reminder', 'resolved', 'test'] as const;
export type AlertEvent = (typeof ALERT_EVENTS)[number];

/** `page`: someone should look now; `ticket`: in working hours; `info`: for the record. */
export const ALERT_SEVERITIES = ['page', 'ticket', 'info'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

export const ALERT_STATUSES = ['firing', 'resolved'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export const ALERT_MESSAGE_STATUSES = ['pending', 'sent', 'failed'] as const;
export type AlertMessageStatus = (typeof ALERT_MESSAGE_STATUSES)[number];

/**
 * One alert message before any channel's format: what each channel renders (Slack blocks, a
 * Discord embed, the generic webhook's JSON) and what the history page shows.
 */
export interface AlertBody {
  rule: AlertRuleKey | typeof CHANNEL_TEST_RULE;
  event: AlertEvent;
  severity: AlertSeverity;
  /** One line: "Production is down", "Month-to-date spend passed 75 % of the budget". */
  title: string;
  /** A sentence or two with the figures that made it fire (or stop). */
  summary: string;
  /** Label and value pairs: "Spend" → "$812.40 of $1,000.00". */
  fields: Array<{ label: string; value: string }>;
  /** Where to look on the board, absolute URLs. */
  links: Array<{ label: string; url: string }>;
  /** The environment's slug, when the alert is about one. */
  environment?: string;
  /** When the state changed (ISO 8601). */
  occurredAt: string;
}

/** A channel as the Alerts page shows it: a masked URL, never the URL or its ciphertext. */
export interface AlertChannelListItem {
  id: number;
  kind: AlertChannelKind;
  name: string;
  urlHint: string;
  enabled: boolean;
  createdBy: string | null;
  createdAt: Date;
}

/** One message of the alert history: what fired, to which channel, and how delivery went. */
export interface AlertHistoryItem {
  id: number;
  rule: string;
  event: AlertEvent;
  title: string;
  dedupeKey: string;
  channelId: number | null;
  channelName: string | null;
  channelKind: AlertChannelKind | null;
  status: AlertMessageStatus;
  attempts: number;
  attemptLog: Array<{ at: string; status: number | null; error: string | null }>;
  nextAttemptAt: Date;
  sentAt: Date | null;
  createdAt: Date;
}
