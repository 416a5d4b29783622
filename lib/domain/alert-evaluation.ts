import type { AlertFacts, AlertFormat, FiringAlert } from './alert-facts';
import type { AlertRuleKey } from './alerts';
import { BURN_WINDOW_LABEL, formatBurnRate } from './burn-rate';
import { findCostAnomalies } from './costs';
import { SYNC_HEALTH_LABEL } from './sync-health';

/**
 * Each rule as a pure function: facts and thresholds in, the subjects firing now out. Which of
 * them notify is the transition's business (alert-transition.ts), not the rule's.
 */
export interface RuleInput {
  facts: AlertFacts;
  thresholds: Record<string, number>;
  now: Date;
  format: AlertFormat;
}
type Rule = (input: RuleInput) => FiringAlert[];

const HOUR_MS = 3_600_000;
const resolved = (title: string) => `Resolved: ${title}`;

const budgetMonthToDate: Rule = ({ facts, thresholds, format }) => {
  const budget = facts.budget;
  if (!budget || budget.budgetUsd <= 0) return [];
  const used = budget.monthToDateUsd / budget.budgetUsd;
  return [thresholds.warnPct!, thresholds.overPct!]
    .filter((pct) => used * 100 >= pct)
    .map((pct) => {
      const title = `Month-to-date spend passed ${format.percent(pct / 100)} of the budget`;
      return {
        subject: `${budget.month}:${pct}`,
        severity: pct >= 100 ? 'ticket' : 'info',
        title,
        resolvedTitle: resolved(title),
        summary: `${format.usd(budget.monthToDateUsd)} spent in ${budget.month}, ${format.percent(used)} of the ${format.usd(budget.budgetUsd)} budget.`,
        fields: [
          {
            label: 'Spend',
            value: `${format.usd(budget.monthToDateUsd)} of ${format.usd(budget.budgetUsd)}`,
          },
          { label: 'Forecast', value: format.usd(budget.forecastUsd) },
        ],
        path: '/costs',
      };
    });
};

const budgetForecast: Rule = ({ facts, thresholds, format }) => {
  const budget = facts.budget;
  const pct = thresholds.pct!;
  if (!budget || budget.budgetUsd <= 0) return [];
  if ((budget.forecastUsd / budget.budgetUsd) * 100 <= pct) return [];
  const title = `The month's forecast is over ${format.percent(pct / 100)} of the budget`;
  return [
    {
      subject: budget.month,
      severity: 'ticket',
      title,
      resolvedTitle: `The month's forecast is back under ${format.percent(pct / 100)} of the budget`,
      summary: `${budget.month} is on course for ${format.usd(budget.forecastUsd)} against a ${format.usd(budget.budgetUsd)} budget.`,
      fields: [
        { label: 'Forecast', value: format.usd(budget.forecastUsd) },
        { label: 'Budget', value: format.usd(budget.budgetUsd) },
        { label: 'Month to date', value: format.usd(budget.monthToDateUsd) },
      ],
      path: '/costs',
    },
  ];
};

/** Only today and yesterday are judged: older spikes were news when they happened. */
const dailyCostSpike: Rule = ({ facts, thresholds, format }) => {
  const days = facts.dailyCosts ?? [];
  const recent = new Set(days.slice(-2).map((day) => day.day));
  return findCostAnomalies(days, thresholds.factor!)
    .filter((anomaly) => recent.has(anomaly.day))
    .map((anomaly) => {
      const title = `Spend on ${anomaly.day} is ${anomaly.ratio.toFixed(1)}× the usual day`;
      return {
        subject: anomaly.day,
        severity: 'ticket',
        title,
        resolvedTitle: resolved(title),
        summary: `${format.usd(anomaly.totalUsd)} on ${anomaly.day} against a median of ${format.usd(anomaly.medianUsd)} over the 7 days before.`,
        fields: [
          { label: 'Day', value: format.usd(anomaly.totalUsd) },
          { label: '7-day median', value: format.usd(anomaly.medianUsd) },
        ],
        path: '/costs',
      };
    });
};

const environmentDown: Rule = ({ facts, thresholds }) =>
  (facts.uptime ?? [])
    .filter((env) => env.consecutiveFailures >= thresholds.failedChecks!)
    .map((env) => ({
      subject: env.slug,
      severity: 'page',
      title: `${env.name} is down`,
      resolvedTitle: `${env.name} is back up`,
      summary: `${env.consecutiveFailures} checks in a row failed${env.lastError ? `, the last with: ${env.lastError}` : ''}.`,
      fields: [{ label: 'Failed checks in a row', value: String(env.consecutiveFailures) }],
      environment: env.slug,
      path: `/environments/${env.slug}`,
    }));

/** One alert per environment and severity: the loudest firing pair speaks for its severity. */
const sloBurnRate: Rule = ({ facts }) =>
  (facts.burnRates ?? []).flatMap((env) =>
    (['page', 'ticket'] as const).flatMap((severity) => {
      const reading = env.readings.find((r) => r.firing && r.severity === severity);
      if (!reading) return [];
      const pair = `${BURN_WINDOW_LABEL[reading.long]}/${BURN_WINDOW_LABEL[reading.short]}`;
      const title = `${env.name} burns its error budget at ${formatBurnRate(reading.longRate)}`;
      return [
        {
          subject: `${env.slug}:${severity}`,
          severity,
          title,
          resolvedTitle: `${env.name}'s error budget burn is back under ${severity === 'page' ? 'the paging' : 'the ticket'} rates`,
          summary: `Over ${pair} the burn rate is ${formatBurnRate(reading.longRate)} and ${formatBurnRate(reading.shortRate)}, above ${reading.threshold}×.`,
          fields: [
            { label: 'Windows', value: pair },
            {
              label: `Burn rate (${BURN_WINDOW_LABEL[reading.long]})`,
              value: formatBurnRate(reading.longRate),
            },
            {
              label: `Burn rate (${BURN_WINDOW_LABEL[reading.short]})`,
              value: formatBurnRate(reading.shortRate),
            },
          ],
          environment: env.slug,
          path: `/environments/${env.slug}`,
        },
      ];
    }),
  );

const productionDeployFailed: Rule = ({ facts }) => {
  const deploy = facts.productionDeploy;
  if (!deploy || deploy.state !== 'error') return [];
  return [
    {
      subject: deploy.slug,
      severity: 'page',
      title: `A ${deploy.name} deployment failed`,
      resolvedTitle: `${deploy.name} deploys again`,
      summary: `Deployment ${deploy.vercelId} of ${deploy.commitSha.slice(0, 7)} failed${deploy.errorMessage ? `: ${deploy.errorMessage}` : '.'}`,
      fields: [
        { label: 'Deployment', value: deploy.vercelId },
        { label: 'Commit', value: deploy.commitSha.slice(0, 7) },
      ],
      environment: deploy.slug,
      path: '/deployments',
    },
  ];
};

const rollbackHappened: Rule = ({ facts, format }) =>
  (facts.rollbacks ?? []).map((rollback) => {
    const title = `${rollback.slug} was rolled back`;
    return {
      subject: `operation:${rollback.operationId}`,
      severity: 'info',
      title,
      resolvedTitle: resolved(title),
      summary: `Rolled back at ${format.time(rollback.finishedAt)}${rollback.reason ? `: ${rollback.reason}` : '.'}`,
      fields: rollback.reason ? [{ label: 'Reason', value: rollback.reason }] : [],
      environment: rollback.slug,
      path: `/environments/${rollback.slug}`,
    };
  });

const promotionWaiting: Rule = ({ facts, thresholds, now, format }) =>
  (facts.pendingPromotions ?? [])
    .filter(
      (promotion) => now.getTime() - promotion.requestedAt.getTime() > thresholds.minutes! * 60_000,
    )
    .map((promotion) => {
      const minutes = Math.floor((now.getTime() - promotion.requestedAt.getTime()) / 60_000);
      const title = `A promotion to ${promotion.slug} has waited ${minutes} minutes for approval`;
      return {
        subject: `operation:${promotion.operationId}`,
        severity: 'ticket',
        title,
        resolvedTitle: resolved(title),
        summary: `Requested at ${format.time(promotion.requestedAt)}; a second release manager must approve it.`,
        fields: [{ label: 'Waiting', value: `${minutes} minutes` }],
        environment: promotion.slug,
        path: `/environments/${promotion.slug}`,
      };
    });

const freezeWindow: Rule = ({ facts, format }) =>
  (facts.freezes ?? []).map((freeze) => ({
    subject: freeze.slug,
    severity: 'info',
    title: `${freeze.name} freeze started`,
    resolvedTitle: `${freeze.name} freeze ended`,
    summary: `Promotions to ${freeze.name} are refused until ${format.time(freeze.frozenUntil)}${freeze.reason ? `: ${freeze.reason}` : '.'} Rollbacks stay allowed.`,
    fields: [{ label: 'Until', value: format.time(freeze.frozenUntil) }],
    environment: freeze.slug,
    path: '/environments',
  }));

const previewProvisionFailed: Rule = ({ facts }) =>
  (facts.provisionFailures ?? []).map((failure) => {
    const title = `The preview of ${failure.target} could not be provisioned`;
    return {
      subject: `operation:${failure.operationId}`,
      severity: 'ticket',
      title,
      resolvedTitle: resolved(title),
      summary: failure.error ?? 'The provisioning failed.',
      fields: [],
      path: '/previews',
    };
  });

/** A pin that has not ended exempts a preview from its expiry. */
const previewExpiring: Rule = ({ facts, thresholds, now, format }) =>
  (facts.previewExpiries ?? [])
    .filter((preview) => !(preview.pinned && (!preview.pinnedUntil || preview.pinnedUntil > now)))
    .filter((preview) => {
      const left = preview.expiresAt.getTime() - now.getTime();
      return left > 0 && left <= thresholds.hours! * HOUR_MS;
    })
    .map((preview) => {
      const title = `${preview.name} expires at ${format.time(preview.expiresAt)}`;
      return {
        subject: preview.slug,
        severity: 'info',
        title,
        resolvedTitle: resolved(title),
        summary: 'Pin it on the previews page to keep it.',
        fields: [{ label: 'Expires', value: format.time(preview.expiresAt) }],
        environment: preview.slug,
        path: '/previews',
      };
    });

const previewCost: Rule = ({ facts, format }) =>
  (facts.previewCosts ?? [])
    .filter((preview) => preview.projectedUsd > preview.thresholdUsd)
    .map((preview) => {
      const title = `${preview.slug} is projected to cost ${format.usd(preview.projectedUsd)}`;
      return {
        subject: preview.slug,
        severity: 'info',
        title,
        resolvedTitle: resolved(title),
        summary: `${format.usd(preview.costSoFarUsd)} so far, ${format.usd(preview.projectedUsd)} by its expiry: over the ${format.usd(preview.thresholdUsd)} per-preview threshold.`,
        fields: [
          { label: 'So far', value: format.usd(preview.costSoFarUsd) },
          { label: 'Projected', value: format.usd(preview.projectedUsd) },
          { label: 'Threshold', value: format.usd(preview.thresholdUsd) },
        ],
        environment: preview.slug,
        path: '/previews',
      };
    });

const syncFailing: Rule = ({ facts, thresholds }) =>
  (facts.syncs ?? [])
    .filter((sync) => sync.health === 'stale' || sync.consecutiveFailures >= thresholds.failedRuns!)
    .map((sync) => ({
      subject: sync.kind,
      severity: 'ticket',
      title: `The ${sync.kind} sync is ${SYNC_HEALTH_LABEL[sync.health].toLowerCase()}`,
      resolvedTitle: `The ${sync.kind} sync is healthy again`,
      summary:
        sync.consecutiveFailures > 0
          ? `Its last ${sync.consecutiveFailures} runs failed.`
          : 'It has not succeeded for three of its intervals.',
      fields: [{ label: 'Failed runs in a row', value: String(sync.consecutiveFailures) }],
      path: '/sync',
    }));

const webhookDeliveriesFailing: Rule = ({ facts, thresholds }) => {
  const failed = facts.webhookDeliveries?.failed ?? 0;
  if (failed < thresholds.failedDeliveries!) return [];
  return [
    {
      subject: 'deliveries',
      severity: 'ticket',
      title: `${failed} webhook deliveries failed to apply`,
      resolvedTitle: 'Webhook deliveries apply again',
      summary: 'They stay stored and are retried; the deliveries page shows each error.',
      fields: [{ label: 'Failed deliveries', value: String(failed) }],
      path: '/deliveries?status=failed',
    },
  ];
};

const RULES: Record<AlertRuleKey, Rule> = {
  budget_month_to_date: budgetMonthToDate,
  budget_forecast: budgetForecast,
  daily_cost_spike: dailyCostSpike,
  environment_down: environmentDown,
  slo_burn_rate: sloBurnRate,
  production_deploy_failed: productionDeployFailed,
  rollback_happened: rollbackHappened,
  promotion_waiting: promotionWaiting,
  freeze_window: freezeWindow,
  preview_provision_failed: previewProvisionFailed,
  preview_expiring: previewExpiring,
  preview_cost: previewCost,
  sync_failing: syncFailing,
  webhook_deliveries_failing: webhookDeliveriesFailing,
};

/** The subjects `rule` finds firing now. */
export function evaluateRule(rule: AlertRuleKey, input: RuleInput): FiringAlert[] {
  return RULES[rule](input);
}
