import { NEON_CONSUMPTION_KIND } from '@/lib/costs/neon-consumption-job';
import { VERCEL_CHARGES_KIND } from '@/lib/costs/vercel-charges-job';
import type { AlertRuleKey } from '@/lib/domain/alerts';
import { PREVIEW_PROVISION_KIND } from '@/lib/operations/provision-job';
import { RECOVERY_SYNC_KIND } from '@/lib/operations/recovery-job';
import { VERCEL_DEPLOYMENTS } from '@/lib/sync/vercel-deployments';
import { UPTIME_PROBES_KIND } from '@/lib/uptime/uptime-job';
import { WEBHOOK_RETRY_KIND } from '@/lib/webhooks/retry';

/** The rules each sync kind's writes feed, beyond the sync health every run changes. */
const RULES_OF_SYNC: Record<string, readonly AlertRuleKey[]> = {
  [UPTIME_PROBES_KIND]: ['environment_down', 'slo_burn_rate'],
  [NEON_CONSUMPTION_KIND]: [
    'budget_month_to_date',
    'budget_forecast',
    'daily_cost_spike',
    'preview_cost',
  ],
  [VERCEL_CHARGES_KIND]: [
    'budget_month_to_date',
    'budget_forecast',
    'daily_cost_spike',
    'preview_cost',
  ],
  [VERCEL_DEPLOYMENTS]: ['production_deploy_failed', 'rollback_happened'],
  [PREVIEW_PROVISION_KIND]: ['preview_provision_failed'],
  [RECOVERY_SYNC_KIND]: ['production_deploy_failed', 'rollback_happened', 'promotion_waiting'],
  [WEBHOOK_RETRY_KIND]: ['webhook_deliveries_failing'],
};

/** The rules to evaluate after these sync kinds ran: theirs, and the sync health rule. */
export function rulesAfterSyncs(kinds: readonly string[]): AlertRuleKey[] {
  return [
    ...new Set<AlertRuleKey>([
      'sync_failing',
      ...kinds.flatMap((kind) => RULES_OF_SYNC[kind] ?? []),
    ]),
  ];
}
