import 'server-only';
import type { Database } from '@/db/client';
import {
  listAlertChannelNames,
  listAlertRuleRows,
  listFiringAlerts,
} from '@/db/queries/alert-rules';
import {
  ALERT_RULE_LIST,
  ALERT_RULES,
  alertRuleSettings,
  isAlertRuleKey,
} from '@/lib/domain/alert-rules';

/** What the Rules page shows: each rule with its settings, the channels, and what fires now. */
export async function getAlertRulesView(db: Database, projectId: number) {
  const [rows, channels, firing] = await Promise.all([
    listAlertRuleRows(db, projectId),
    listAlertChannelNames(db, projectId),
    listFiringAlerts(db, projectId),
  ]);
  const rowOf = new Map(rows.map((row) => [row.rule, row]));
  return {
    rules: ALERT_RULE_LIST.map((definition) => ({
      definition,
      settings: alertRuleSettings(definition.key, rowOf.get(definition.key)),
    })),
    channels,
    firing: firing.map((state) => ({
      id: state.id,
      ruleTitle: isAlertRuleKey(state.rule) ? ALERT_RULES[state.rule].title : state.rule,
      title: typeof state.detail.title === 'string' ? state.detail.title : state.subject,
      severity: typeof state.detail.severity === 'string' ? state.detail.severity : 'info',
      firedAt: state.firedAt,
    })),
  };
}
