import type { AlertRuleInput } from '@/lib/domain/alert-rule-input';
import type { Database } from '../client';
import { alertRules } from '../schema';

/** Stores a rule's settings for a project, its first save creating the row. */
export async function saveAlertRule(db: Database, projectId: number, input: AlertRuleInput) {
  const values = {
    enabled: input.enabled,
    thresholds: input.thresholds,
    resendMinutes: input.resendMinutes,
    channelIds: input.channelIds,
  };
  const [row] = await db
    .insert(alertRules)
    .values({ projectId, rule: input.rule, ...values })
    .onConflictDoUpdate({ target: [alertRules.projectId, alertRules.rule], set: values })
    .returning();
  return row!;
}
