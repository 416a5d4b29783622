/**
 * Incidents ↔ deployments, defined once: the incident rows, the deployment rows, the environment
 * timeline and DORA's change failure rate and time to restore all read these links.
 *
 * An incident is linked to the last deployment of its environment that began serving at or
 * before the incident began (its `servingSince`, lib/domain/deployments.ts): the build that was
 * answering when the checks started failing. The link is "suspected" when that deployment began
 * serving within the suspect window before the incident (default 2 hours): a build that served
 * well for days is still what was running, but is not the likely cause.
 */
import type { DeploymentState } from './deployments';
import type { Incident } from './uptime';

export const DEFAULT_SUSPECT_WINDOW_HOURS = 2;

const HOUR_MS = 3_600_000;

export interface LinkableDeployment {
  id: number;
  state: DeploymentState;
  /** When it began serving (servingSince). */
  servingAt: Date;
}

export interface LinkableIncident {
  startedAt: Date;
}

export interface IncidentLink<D extends LinkableDeployment = LinkableDeployment> {
  /** The deployment serving when the incident began; null when none had served yet. */
  deployment: D | null;
  /** It began serving within the suspect window before the incident. */
  suspected: boolean;
}

/** Deployments that served: only a ready build answers requests. */
function servingOrder<D extends LinkableDeployment>(deployments: readonly D[]): D[] {
  return deployments
    .filter((deployment) => deployment.state === 'ready')
    .sort((a, b) => a.servingAt.getTime() - b.servingAt.getTime() || a.id - b.id);
}

/** The last of `sorted` serving at or before `at`: a binary search over a year of deployments. */
function lastServingAt<D extends LinkableDeployment>(sorted: readonly D[], at: number): D | null {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]!.servingAt.getTime() <= at) low = middle + 1;
    else high = middle;
  }
  return low > 0 ? sorted[low - 1]! : null;
}

/**
 * Each incident's link, in the order of `incidents`. `deployments` are one environment's (in any
 * order); a deployment that began serving during an incident is not its cause.
 */
export function linkIncidents<D extends LinkableDeployment>(
  deployments: readonly D[],
  incidents: readonly LinkableIncident[],
  { suspectWindowHours = DEFAULT_SUSPECT_WINDOW_HOURS }: { suspectWindowHours?: number } = {},
): IncidentLink<D>[] {
  const sorted = servingOrder(deployments);
  return incidents.map((incident) => {
    const at = incident.startedAt.getTime();
    const deployment = lastServingAt(sorted, at);
    return {
      deployment,
      suspected:
        deployment !== null && at - deployment.servingAt.getTime() <= suspectWindowHours * HOUR_MS,
    };
  });
}

/** The first line of a commit message: its title. */
export function commitTitle(message: string): string {
  return message.split('\n', 1)[0]!.trim();
}

/**
 * The reason a rollback from an open incident starts with, for the release manager to keep or
 * edit: "Incident since 14:02 UTC: Production down — suspected 3f9c2ab Faster checkout". At
 * most 500 characters, the rollback's limit.
 */
export function incidentRollbackReason(
  incident: Pick<LinkedIncident, 'startedAt' | 'environmentName' | 'cause'>,
): string {
  const since = incident.startedAt.toISOString().slice(11, 16);
  const { deployment, suspected } = incident.cause;
  const culprit =
    deployment && suspected
      ? ` — suspected ${deployment.commitSha.slice(0, 7)} ${commitTitle(deployment.commitMessage)}`
      : '';
  return `Incident since ${since} UTC: ${incident.environmentName} down${culprit}`.slice(0, 500);
}

/** The deployment an incident is linked to, as the rows that show the link name it. */
export interface IncidentDeployment extends LinkableDeployment {
  commitSha: string;
  commitMessage: string;
}

/** An incident with its link, as the Uptime page, the deployments and the timeline show it. */
export interface LinkedIncident extends Incident {
  cause: IncidentLink<IncidentDeployment>;
}

/** An incident's identity on a page: its environment and when it began. */
export function incidentKey(incident: Pick<Incident, 'environmentId' | 'startedAt'>): string {
  return `${incident.environmentId}:${incident.startedAt.toISOString()}`;
}

/** An incident a deployment is the suspected cause of, as its row says so. */
export interface SuspectedIncident {
  deploymentId: number;
  environmentName: string;
  startedAt: Date;
  resolvedAt: Date | null;
}

/** The suspected links of `incidents`, one entry per incident with a suspected deployment. */
export function suspectedIncidents(incidents: readonly LinkedIncident[]): SuspectedIncident[] {
  return incidents.flatMap(({ cause, environmentName, startedAt, resolvedAt }) =>
    cause.suspected && cause.deployment
      ? [{ deploymentId: cause.deployment.id, environmentName, startedAt, resolvedAt }]
      : [],
  );
}

/** The link in words: "Suspected: 3f9c2ab Faster checkout", "Serving: …", or nothing. */
export function incidentCauseText(cause: IncidentLink<IncidentDeployment>): string {
  if (!cause.deployment) return '';
  const { commitSha, commitMessage } = cause.deployment;
  return `${cause.suspected ? 'Suspected' : 'Serving'}: ${commitSha.slice(0, 7)} ${commitTitle(commitMessage)}`;
}
