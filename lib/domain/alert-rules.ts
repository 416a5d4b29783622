import { z } from 'zod';
import { ALERT_RULE_KEYS, type AlertRuleKey, type AlertSeverity } from './alerts';

/**
 * The alert rules' catalogue: what each rule watches, how loud it is, and the thresholds a
 * project may change (with their bounds), so the Rules page, the server action that saves a rule
 * and the evaluation read one definition.
 */

export interface AlertThreshold {
  key: string;
  label: string;
  /** Shown after the input: `%`, `×`, `checks`, `minutes`… */
  unit: string;
  default: number;
  min: number;
  max: number;
  /** Whole numbers only (counts, minutes). */
  integer: boolean;
}

export const ALERT_RULE_GROUPS = ['Budget', 'Uptime', 'Releases', 'Previews', 'Plumbing'] as const;
export type AlertRuleGroup = (typeof ALERT_RULE_GROUPS)[number];

export interface AlertRuleDefinition {
  key: AlertRuleKey;
  group: AlertRuleGroup;
  title: string;
  description: string;
  /** The severity of its messages unless an alert says otherwise (the 100 % budget crossing). */
  severity: AlertSeverity;
  defaultEnabled: boolean;
  /** While firing, sent again after this many minutes; 0 never (one-off events). */
  defaultResendMinutes: number;
  /**
   * Whether its end is worth a message: a recovery or a freeze ending is; a rollback or a day's
   * cost spike simply ages out of the window it is read over.
   */
  announcesResolution: boolean;
  thresholds: readonly AlertThreshold[];
}

const count = (key: string, label: string, unit: string, def: number, max: number) =>
  ({ key, label, unit, default: def, min: 1, max, integer: true }) satisfies AlertThreshold;

export const ALERT_RULES: Record<AlertRuleKey, AlertRuleDefinition> = {
  budget_month_to_date: {
    key: 'budget_month_to_date',
    group: 'Budget',
    title: 'Month-to-date spend',
    description: 'Month-to-date spend crosses each share of the monthly budget, once a month.',
    severity: 'ticket',
    defaultEnabled: true,
    defaultResendMinutes: 0,
    announcesResolution: false,
    thresholds: [
      {
        key: 'warnPct',
        label: 'Warn at',
        unit: '%',
        default: 75,
        min: 1,
        max: 1000,
        integer: false,
      },
      {
        key: 'overPct',
        label: 'Over at',
        unit: '%',
        default: 100,
        min: 1,
        max: 1000,
        integer: false,
      },
    ],
  },
  budget_forecast: {
    key: 'budget_forecast',
    group: 'Budget',
    title: 'Forecast over budget',
    description: "The month's forecast crosses a share of the budget.",
    severity: 'ticket',
    defaultEnabled: true,
    defaultResendMinutes: 0,
    announcesResolution: true,
    thresholds: [
      {
        key: 'pct',
        label: 'Forecast above',
        unit: '%',
        default: 100,
        min: 1,
        max: 1000,
        integer: false,
      },
    ],
  },
  daily_cost_spike: {
    key: 'daily_cost_spike',
    group: 'Budget',
    title: 'Daily cost spike',
    description: "A day's cost goes above a multiple of the median of the 7 days before it.",
    severity: 'ticket',
    defaultEnabled: true,
    defaultResendMinutes: 0,
    announcesResolution: false,
    thresholds: [
      {
        key: 'factor',
        label: 'Above',
        unit: '× median',
        default: 2,
        min: 1.1,
        max: 100,
        integer: false,
      },
    ],
  },
  environment_down: {
    key: 'environment_down',
    group: 'Uptime',
    title: 'Environment down',
    description: 'An environment fails this many checks in a row; its recovery is announced.',
    severity: 'page',
    defaultEnabled: true,
    defaultResendMinutes: 60,
    announcesResolution: true,
    thresholds: [count('failedChecks', 'Consecutive failed checks', 'checks', 3, 100)],
  },
  slo_burn_rate: {
    key: 'slo_burn_rate',
    group: 'Uptime',
    title: 'SLO burn rate',
    description:
      'The error budget burns fast over both windows of a pair: 1 h/5 min at 14.4× and 6 h/30 min at 6× page; 1 day/2 h at 3× and 3 days/6 h at 1× open a ticket.',
    severity: 'page',
    defaultEnabled: true,
    defaultResendMinutes: 120,
    announcesResolution: true,
    thresholds: [],
  },
  production_deploy_failed: {
    key: 'production_deploy_failed',
    group: 'Releases',
    title: 'Production deployment failed',
    description: "Production's newest deployment failed; resolved when one is ready again.",
    severity: 'page',
    defaultEnabled: true,
    defaultResendMinutes: 0,
    announcesResolution: true,
    thresholds: [],
  },
  rollback_happened: {
    key: 'rollback_happened',
    group: 'Releases',
    title: 'Rollback',
    description: 'Production was rolled back.',
    severity: 'info',
    defaultEnabled: true,
    defaultResendMinutes: 0,
    announcesResolution: false,
    thresholds: [],
  },
  promotion_waiting: {
    key: 'promotion_waiting',
    group: 'Releases',
    title: 'Promotion waiting for approval',
    description: 'A promotion request has waited for a second release manager this long.',
    severity: 'ticket',
    defaultEnabled: true,
    defaultResendMinutes: 240,
    announcesResolution: false,
    thresholds: [count('minutes', 'Waiting longer than', 'minutes', 60, 10_080)],
  },
  freeze_window: {
    key: 'freeze_window',
    group: 'Releases',
    title: 'Freeze window',
    description: 'A production freeze starts or ends.',
    severity: 'info',
    defaultEnabled: true,
    defaultResendMinutes: 0,
    announcesResolution: true,
    thresholds: [],
  },
  preview_provision_failed: {
    key: 'preview_provision_failed',
    group: 'Previews',
    title: 'Preview provisioning failed',
    description: "A pull request's preview could not be provisioned.",
    severity: 'ticket',
    defaultEnabled: true,
    defaultResendMinutes: 0,
    announcesResolution: false,
    thresholds: [],
  },
  preview_expiring: {
    key: 'preview_expiring',
    group: 'Previews',
    title: 'Preview expiring',
    description: 'A preview that is not pinned expires within this many hours.',
    severity: 'info',
    defaultEnabled: true,
    defaultResendMinutes: 0,
    announcesResolution: false,
    thresholds: [count('hours', 'Expires within', 'hours', 24, 168)],
  },
  preview_cost: {
    key: 'preview_cost',
    group: 'Previews',
    title: 'Preview cost projection',
    description:
      "A preview's projected cost to its expiry is over the project's per-preview threshold.",
    severity: 'info',
    defaultEnabled: true,
    defaultResendMinutes: 0,
    announcesResolution: false,
    thresholds: [],
  },
  sync_failing: {
    key: 'sync_failing',
    group: 'Plumbing',
    title: 'Sync failing or stale',
    description:
      'A cron sync failed this many runs in a row, or has not succeeded for three of its intervals.',
    severity: 'ticket',
    defaultEnabled: true,
    defaultResendMinutes: 240,
    announcesResolution: true,
    thresholds: [count('failedRuns', 'Failed runs in a row', 'runs', 3, 50)],
  },
  webhook_deliveries_failing: {
    key: 'webhook_deliveries_failing',
    group: 'Plumbing',
    title: 'Webhook deliveries failing',
    description: 'This many stored webhook deliveries failed to apply and await a retry.',
    severity: 'ticket',
    defaultEnabled: true,
    defaultResendMinutes: 240,
    announcesResolution: true,
    thresholds: [count('failedDeliveries', 'Failed deliveries', 'deliveries', 5, 100_000)],
  },
};

export const ALERT_RULE_LIST: readonly AlertRuleDefinition[] = ALERT_RULE_KEYS.map(
  (key) => ALERT_RULES[key],
);

export function isAlertRuleKey(value: string): value is AlertRuleKey {
  return (ALERT_RULE_KEYS as readonly string[]).includes(value);
}

/** The longest resend interval a rule takes: a week. */
export const MAX_RESEND_MINUTES = 10_080;

/** A rule's settings as the evaluation uses them: its row merged over the catalogue's defaults. */
export interface AlertRuleSettings {
  rule: AlertRuleKey;
  enabled: boolean;
  thresholds: Record<string, number>;
  resendMinutes: number;
  /** The channels it goes to; null when the rule has no row and goes to every enabled channel. */
  channelIds: readonly number[] | null;
}

/**
 * A rule's settings from its stored row, or its defaults when it has none. A threshold missing
 * from the row or outside its bounds (the catalogue changed since it was saved) takes the
 * default, so the evaluation never runs on a value the Rules page would refuse.
 */
export function alertRuleSettings(
  rule: AlertRuleKey,
  row?: {
    enabled: boolean;
    thresholds: Record<string, number>;
    resendMinutes: number;
    channelIds: readonly number[];
  },
): AlertRuleSettings {
  const definition = ALERT_RULES[rule];
  const thresholds: Record<string, number> = {};
  for (const threshold of definition.thresholds) {
    const stored = row?.thresholds[threshold.key];
    thresholds[threshold.key] = thresholdSchema(threshold).safeParse(stored).success
      ? stored!
      : threshold.default;
  }
  if (!row) {
    return {
      rule,
      enabled: definition.defaultEnabled,
      thresholds,
      resendMinutes: definition.defaultResendMinutes,
      channelIds: null,
    };
  }
  return {
    rule,
    enabled: row.enabled,
    thresholds,
    resendMinutes: row.resendMinutes,
    channelIds: row.channelIds,
  };
}

/** One threshold's input: a number within its bounds, whole when it counts something. */
export function thresholdSchema(threshold: AlertThreshold) {
  const base = z.coerce
    .number({ error: `${threshold.label} must be a number.` })
    .min(threshold.min, `${threshold.label} must be at least ${threshold.min}.`)
    .max(threshold.max, `${threshold.label} must be at most ${threshold.max}.`);
  return threshold.integer ? base.int(`${threshold.label} must be a whole number.`) : base;
}
