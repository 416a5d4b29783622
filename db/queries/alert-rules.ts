import 'server-only';
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Database } from '../client';
import { alertChannels, alertRules, alertStates } from '../schema';

/** A project's stored rule rows; a rule without one runs with its defaults. */
export async function listAlertRuleRows(db: Database, projectId: number) {
  return db.select().from(alertRules).where(eq(alertRules.projectId, projectId));
}

/** The project's channels as the Rules page may show them: never the URL, not even its hint. */
export async function listAlertChannelNames(db: Database, projectId: number) {
  return db
    .select({
      id: alertChannels.id,
      name: alertChannels.name,
      kind: alertChannels.kind,
      enabled: alertChannels.enabled,
    })
    .from(alertChannels)
    .where(eq(alertChannels.projectId, projectId))
    .orderBy(asc(alertChannels.name), asc(alertChannels.id));
}

/** The alerts firing now, newest first (alert_states_project_status_idx). */
export async function listFiringAlerts(db: Database, projectId: number, limit = 100) {
  return db
    .select()
    .from(alertStates)
    .where(and(eq(alertStates.projectId, projectId), eq(alertStates.status, 'firing')))
    .orderBy(desc(alertStates.firedAt))
    .limit(limit);
}
