import 'server-only';
import type { Database } from '@/db/client';
import {
  activeFreezes,
  activePullRequestPreviews,
  consecutiveFailedChecks,
  consecutiveSyncFailures,
  latestFinishedProductionDeploy,
  pendingPromotions,
  previewsExpiringBy,
  recentProvisionFailures,
  recentRollbacks,
  watchedEnvironments,
} from '@/db/queries/alert-facts';
import { dailyCosts, getCostOverview, groupDays } from '@/db/queries/costs';
import { getPreviewCosts } from '@/db/queries/preview-costs';
import { lastSuccessPerKind, latestSyncRunPerKind } from '@/db/queries/sync-status';
import { getBurnWindowChecks } from '@/db/queries/uptime-series';
import { countProblemDeliveries } from '@/db/queries/webhook-deliveries';
import type { Project } from '@/db/schema';
import type { AlertFacts } from '@/lib/domain/alert-facts';
import type { AlertRuleSettings } from '@/lib/domain/alert-rules';
import type { AlertRuleKey } from '@/lib/domain/alerts';
import { readBurnRates } from '@/lib/domain/burn-rate';
import { fillDays } from '@/lib/domain/cost-series';
import { previewCostView } from '@/lib/domain/preview-cost';
import { addDays, ANOMALY_WINDOW_DAYS } from '@/lib/domain/costs';
import { syncKindStatuses } from '@/lib/domain/sync-health';
import { syncIntervals } from '@/lib/sync/cron-syncs';

const HOUR_MS = 3_600_000;
/**
 * One-off events (a rollback, a failed provisioning) are read over the last day: the cron runs
 * every 5 minutes, so each is seen many times, and the alert state keeps it to one message.
 */
const EVENT_WINDOW_MS = 24 * HOUR_MS;

type Gatherer = (
  db: Database,
  project: Project,
  now: Date,
  settings: AlertRuleSettings,
) => Promise<Partial<AlertFacts>>;

const budget: Gatherer = async (db, project, now) => {
  const overview = await getCostOverview(db, project.id, {
    now,
    budgetUsd: Number(project.monthlyBudgetUsd),
  });
  return {
    budget: {
      month: overview.month,
      budgetUsd: overview.budgetUsd,
      monthToDateUsd: overview.monthToDateUsd,
      forecastUsd: overview.forecastUsd,
    },
  };
};

/** Today and yesterday, each with the 7 days before it. */
const costDays: Gatherer = async (db, project, now) => {
  const today = now.toISOString().slice(0, 10);
  const from = addDays(today, -(ANOMALY_WINDOW_DAYS + 1));
  const rows = await dailyCosts(db, { projectId: project.id, from, to: today });
  return { dailyCosts: fillDays(groupDays(rows), from, today) };
};

const burnRates: Gatherer = async (db, project, now) => {
  const watched = await watchedEnvironments(db, project.id);
  const sloPct = Number(project.uptimeSloPct);
  return {
    burnRates: await Promise.all(
      watched.map(async (env) => ({
        slug: env.slug,
        name: env.name,
        readings: readBurnRates(await getBurnWindowChecks(db, env.id, now), sloPct),
      })),
    ),
  };
};

/** Each live preview's cost projected to its expiry, as the Previews page and PR comment show it. */
const previewCosts: Gatherer = async (db, project, now) => {
  const previews = await activePullRequestPreviews(db, project.id);
  const spent = await getPreviewCosts(
    db,
    previews.map((preview) => preview.pullRequestId),
    previews.map((preview) => preview.id),
    now,
  );
  return {
    previewCosts: previews.map((preview) => {
      const view = previewCostView({
        ...(spent.get(preview.pullRequestId) ?? { costSoFarUsd: 0, dailyRateUsd: 0 }),
        now,
        expiresAt: preview.expiresAt,
        thresholdUsd: project.previewCostWarningUsd,
      });
      return { slug: preview.slug, ...view };
    }),
  };
};

const syncs: Gatherer = async (db, _project, now) => {
  const [latest, lastSuccess, failures] = await Promise.all([
    latestSyncRunPerKind(db),
    lastSuccessPerKind(db),
    consecutiveSyncFailures(db),
  ]);
  return {
    syncs: syncKindStatuses(syncIntervals(), latest, lastSuccess, now).map((status) => ({
      kind: status.kind,
      health: status.health,
      consecutiveFailures: failures.get(status.kind) ?? 0,
    })),
  };
};

/**
/** What each rule reads. */
const GATHERERS: Record<AlertRuleKey, Gatherer | null> = {
  budget_month_to_date: budget,
  budget_forecast: budget,
  daily_cost_spike: costDays,
  environment_down: async (db, project, now) => ({
    uptime: await consecutiveFailedChecks(db, project.id, now),
  }),
  slo_burn_rate: burnRates,
  production_deploy_failed: async (db, project) => ({
    productionDeploy: await latestFinishedProductionDeploy(db, project.id),
  }),
  rollback_happened: async (db, project, now) => ({
    rollbacks: await recentRollbacks(db, project.id, new Date(now.getTime() - EVENT_WINDOW_MS)),
  }),
  promotion_waiting: async (db, project) => ({
    pendingPromotions: await pendingPromotions(db, project.id),
  }),
  freeze_window: async (db, project, now) => ({
    freezes: await activeFreezes(db, project.id, now),
  }),
  preview_provision_failed: async (db, project, now) => ({
    provisionFailures: await recentProvisionFailures(
      db,
      project.id,
      new Date(now.getTime() - EVENT_WINDOW_MS),
    ),
  }),
  preview_expiring: async (db, project, now, settings) => ({
    previewExpiries: await previewsExpiringBy(
      db,
      project.id,
      now,
      new Date(now.getTime() + settings.thresholds.hours! * HOUR_MS),
    ),
  }),
  preview_cost: previewCosts,
  sync_failing: syncs,
  webhook_deliveries_failing: async (db) => ({
    webhookDeliveries: { failed: (await countProblemDeliveries(db)).failed },
  }),
};

/** The facts the given rules read, each gatherer run once even when two rules share it. */
export async function gatherAlertFacts(
  db: Database,
  project: Project,
  now: Date,
  rules: readonly AlertRuleSettings[],
): Promise<AlertFacts> {
  const seen = new Set<Gatherer>();
  const parts: Promise<Partial<AlertFacts>>[] = [];
  for (const settings of rules) {
    const gather = GATHERERS[settings.rule];
    if (!gather || seen.has(gather)) continue;
    seen.add(gather);
    parts.push(gather(db, project, now, settings));
  }
  return Object.assign({}, ...(await Promise.all(parts))) as AlertFacts;
}
