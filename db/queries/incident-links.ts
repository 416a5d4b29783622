import 'server-only';
import { sql } from 'drizzle-orm';
import { type DeploymentState, servingSince } from '@/lib/domain/deployments';
import {
  type IncidentDeployment,
  type LinkedIncident,
  linkIncidents,
  type SuspectedIncident,
  suspectedIncidents,
} from '@/lib/domain/incident-links';
import type { Incident } from '@/lib/domain/uptime';
import { boardSettings } from '@/lib/settings/settings';
import type { Database } from '../client';
import { dateFromMs, dateFromMsOrNull, rowsOf, timestampParam } from './rows';
import { listIncidents } from './uptime';

interface CandidateRow {
  environment_id: number;
  id: number;
  state: DeploymentState;
  commit_sha: string;
  commit_message: string;
  created_at: number;
  ready_at: number | null;
  updated_at: number;
}

/**
 * Each incident with the deployment linkIncidents (lib/domain/incident-links.ts) links it to.
 * The database reads, per incident, the one ready deployment of its environment that began
 * serving last at or before the incident (servingSince is greatest(ready_at, updated_at), and
 * never before creation, which bounds the read by deployments_environment_created_idx); the
 * domain rule then decides the link and whether it is suspected.
 */
export async function linkToDeployments(
  db: Database,
  incidents: readonly Incident[],
  { suspectWindowHours = boardSettings().INCIDENT_SUSPECT_HOURS } = {},
): Promise<LinkedIncident[]> {
  if (incidents.length === 0) return [];
  const wanted = sql.join(
    incidents.map(
      (incident) => sql`(${incident.environmentId}::int, ${timestampParam(incident.startedAt)})`,
    ),
    sql`, `,
  );
  const result = await db.execute(sql`
    select distinct i.environment_id, d.id, d.state::text as state, d.commit_sha, d.commit_message,
      (extract(epoch from d.provider_created_at) * 1000)::float8 as created_at,
      (extract(epoch from d.ready_at) * 1000)::float8 as ready_at,
      (extract(epoch from d.provider_updated_at) * 1000)::float8 as updated_at
    from (values ${wanted}) as i(environment_id, started_at)
    cross join lateral (
      select * from deployments d
      where d.environment_id = i.environment_id and d.state = 'ready'
        and d.provider_created_at <= i.started_at
        and greatest(d.ready_at, d.provider_updated_at) <= i.started_at
      order by greatest(d.ready_at, d.provider_updated_at) desc, d.id desc
      limit 1
    ) d
  `);
  const candidates = new Map<number, IncidentDeployment[]>();
  for (const row of rowsOf<CandidateRow>(result)) {
    const environmentId = Number(row.environment_id);
    const list = candidates.get(environmentId) ?? [];
    list.push({
      id: Number(row.id),
      state: row.state,
      commitSha: row.commit_sha,
      commitMessage: row.commit_message,
      servingAt: servingSince({
        createdAt: dateFromMs(row.created_at),
        readyAt: dateFromMsOrNull(row.ready_at),
        updatedAt: dateFromMs(row.updated_at),
      }),
    });
    candidates.set(environmentId, list);
  }
  return incidents.map((incident) => {
    const [cause] = linkIncidents(candidates.get(incident.environmentId) ?? [], [incident], {
      suspectWindowHours,
    });
    return { ...incident, cause: cause! };
  });
}

/** The project's incidents of the last `days` days, newest first, each with its link. */
export async function listLinkedIncidents(
  db: Database,
  projectId: number,
  options: Parameters<typeof listIncidents>[2],
): Promise<LinkedIncident[]> {
  return linkToDeployments(db, await listIncidents(db, projectId, options));
}

/** How far back the deployment rows look for the incidents they are suspected of. */
const SUSPECTED_LOOKBACK_DAYS = 90;

/** The incidents of the last 90 days that one of `deploymentIds` is the suspected cause of. */
export async function suspectedIncidentsOf(
  db: Database,
  projectId: number,
  deploymentIds: readonly number[],
  now: Date,
): Promise<SuspectedIncident[]> {
  if (deploymentIds.length === 0) return [];
  const wanted = new Set(deploymentIds);
  const incidents = await listLinkedIncidents(db, projectId, {
    now,
    days: SUSPECTED_LOOKBACK_DAYS,
  });
  return suspectedIncidents(incidents).filter((incident) => wanted.has(incident.deploymentId));
}
