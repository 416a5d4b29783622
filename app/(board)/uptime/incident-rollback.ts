import type { IncidentRollbackOffer } from '@/components/uptime/incident-rollback';
import type { Database } from '@/db/client';
import { getActiveEnvironmentOfKind } from '@/db/queries/environment-of-kind';
import { getEnvironment } from '@/db/queries/environments';
import type { Project } from '@/db/schema';
import type { Actor } from '@/lib/domain/actor';
import {
  incidentKey,
  incidentRollbackReason,
  type LinkedIncident,
} from '@/lib/domain/incident-links';
import { hasRole } from '@/lib/domain/roles';
import { environmentBlocked, rollbackChoices } from '@/lib/operations/board';
import { rollbackAction } from '@/app/(board)/actions/release';

/**
 * "Roll back to <previous>" on production's open incident, for release managers: the deployment
 * before the suspected one (else the newest earlier one the rollback accepts), with a reason
 * written from the incident. The rollback action checks the role and every precondition again.
 */
export async function incidentRollbackOffer(
  db: Database,
  project: Project,
  incidents: readonly LinkedIncident[],
  actor: Actor,
): Promise<IncidentRollbackOffer | undefined> {
  if (!hasRole(actor.role, 'release_manager')) return undefined;
  const production = await getActiveEnvironmentOfKind(db, project.id, 'production');
  const open = incidents.find(
    (incident) => incident.environmentId === production?.id && incident.resolvedAt === null,
  );
  if (!production || !open) return undefined;
  const [{ candidates }, blocked, detail] = await Promise.all([
    rollbackChoices(db, project, production.slug),
    environmentBlocked(db, production.id),
    getEnvironment(db, project.id, production.slug),
  ]);
  const suspect = open.cause.suspected ? open.cause.deployment : null;
  const target =
    candidates.find(
      (candidate) =>
        suspect === null ||
        (candidate.id !== suspect.id && candidate.createdAt < suspect.servingAt),
    ) ?? candidates.find((candidate) => candidate.id !== suspect?.id);
  if (!target) return undefined;
  return {
    incidentKey: incidentKey(open),
    productionName: production.name,
    served: detail?.current ?? null,
    target,
    availability: blocked ? { allowed: false, reason: blocked } : { allowed: true },
    reason: incidentRollbackReason(open),
    action: rollbackAction,
  };
}
