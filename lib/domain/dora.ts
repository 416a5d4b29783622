/**
 * The four DORA keys for production, defined once: pure, so they test on hand-built histories.
 *
 * - Deployment frequency: production deployments that started serving a change — builds from
 *   git on production and promotions that became ready. Rollbacks are not counted (they restore
 *   an old build, they ship no change), nor redeploys (the same build again) nor deployments of
 *   unknown origin (nothing says they carry a change).
 * - Lead time for changes: from the first sign of the change to its serving in production,
 *   median. See `DoraDeployment.changeStartedAt` for the proxy used.
 * - Change failure rate: counted deployments that are the suspected cause of a production
 *   incident (lib/domain/incident-links.ts: the deployment serving when it began, if it began
 *   serving within the suspect window), or that a rollback followed within
 *   `CHANGE_FAILURE_WINDOW_HOURS` (charged to the latest counted one before it), over all counted
 *   deployments. One incident never fails a whole day of deploys.
 * - Time to restore: an incident with a suspected deployment, from its start to its resolution
 *   (the first healthy check) — an outage no deployment is suspected of is not a change failure;
 *   a rollback no incident covers, from the moment the build it replaced started serving to the
 *   rollback's success. Median; incidents still open are not restored yet and are left out.
 */
import type { DeploymentSource, DeploymentState } from './deployments';
import { DEFAULT_SUSPECT_WINDOW_HOURS, linkIncidents } from './incident-links';

export const CHANGE_FAILURE_WINDOW_HOURS = 24;
export const DORA_TREND_WEEKS = 12;

export const DORA_KEYS = [
  'deploymentFrequency',
  'leadTime',
  'changeFailureRate',
  'timeToRestore',
] as const;
export type DoraKey = (typeof DORA_KEYS)[number];

export const DORA_BANDS = ['elite', 'high', 'medium', 'low'] as const;
export type DoraBand = (typeof DORA_BANDS)[number];

export const DORA_BAND_LABELS: Record<DoraBand, string> = {
  elite: 'Elite',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const WEEK_MS = 7 * DAY_MS;

export interface DoraDeployment {
  id: number;
  source: DeploymentSource;
  state: DeploymentState;
  /** When it was requested: a rollback "follows" its bad release from then. */
  createdAt: Date;
  /** When it started serving (servingSince). */
  servingAt: Date;
  /**
   * The first sign of the change it serves. envboard stores no commit list, so this is a proxy:
   * the earliest of the opening of the change's pull request (the deployment's own, its promoted
   * build's, or the one GitHub's merge message names — "Title (#123)") and the first time the
   * commit was seen (its first deployment or CI run anywhere). The first commit of a branch
   * usually comes before the pull request opens, so the true lead time is a little longer.
   * Null when nothing links the commit to a time.
   */
  changeStartedAt: Date | null;
}

export interface DoraIncident {
  startedAt: Date;
  resolvedAt: Date | null;
}

/** A production deployment that shipped a change (see the module comment). */
export function shipsChange(deployment: Pick<DoraDeployment, 'source' | 'state'>): boolean {
  return (
    deployment.state === 'ready' && (deployment.source === 'git' || deployment.source === 'promote')
  );
}

function isRollback(deployment: DoraDeployment): boolean {
  return deployment.state === 'ready' && deployment.source === 'rollback';
}

const byServing = (a: DoraDeployment, b: DoraDeployment) =>
  a.servingAt.getTime() - b.servingAt.getTime();

/**
 * The latest of `sorted` (by serving time) serving at or before `at`, other than `except`: a
 * binary search, since a year of production can hold thousands of deployments.
 */
function servingAt(
  sorted: readonly DoraDeployment[],
  at: number,
  except?: number,
): DoraDeployment | undefined {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]!.servingAt.getTime() <= at) low = middle + 1;
    else high = middle;
  }
  for (let index = low - 1; index >= 0; index -= 1) {
    if (sorted[index]!.id !== except) return sorted[index];
  }
  return undefined;
}

export interface IncidentLinkOptions {
  /** The suspect window of incident links, in hours (default 2). */
  suspectWindowHours?: number;
}

/** The incidents a deployment is suspected of, by the one linking rule. */
function suspectedIncidents(
  deployments: readonly DoraDeployment[],
  incidents: readonly DoraIncident[],
  options: IncidentLinkOptions,
): { incident: DoraIncident; deployment: DoraDeployment }[] {
  const links = linkIncidents(deployments, incidents, options);
  return incidents.flatMap((incident, index) => {
    const { deployment, suspected } = links[index]!;
    return suspected && deployment ? [{ incident, deployment }] : [];
  });
}

/** Ids of the counted deployments suspected of an incident, or a rollback followed in the window. */
export function failedDeploymentIds(
  deployments: readonly DoraDeployment[],
  incidents: readonly DoraIncident[],
  options: IncidentLinkOptions = {},
): Set<number> {
  const failed = new Set<number>();
  for (const { deployment } of suspectedIncidents(deployments, incidents, options)) {
    if (shipsChange(deployment)) failed.add(deployment.id);
  }
  const counted = deployments.filter(shipsChange).sort(byServing);
  for (const rollback of deployments.filter(isRollback)) {
    const at = rollback.createdAt.getTime();
    const culprit = servingAt(counted, at);
    if (culprit && at - culprit.servingAt.getTime() <= CHANGE_FAILURE_WINDOW_HOURS * HOUR_MS) {
      failed.add(culprit.id);
    }
  }
  return failed;
}

export interface Restore {
  startedAt: Date;
  restoredAt: Date;
}

/**
 * Every restored failure: resolved incidents a deployment is suspected of, and rollbacks no
 * incident covers.
 */
export function restores(
  deployments: readonly DoraDeployment[],
  incidents: readonly DoraIncident[],
  options: IncidentLinkOptions = {},
): Restore[] {
  const fromIncidents = suspectedIncidents(deployments, incidents, options).flatMap(
    ({ incident }) =>
      incident.resolvedAt
        ? [{ startedAt: incident.startedAt, restoredAt: incident.resolvedAt }]
        : [],
  );
  const serving = deployments.filter((d) => d.state === 'ready').sort(byServing);
  const covered = (at: number) =>
    incidents.some(
      (incident) =>
        incident.startedAt.getTime() <= at &&
        (incident.resolvedAt === null || at <= incident.resolvedAt.getTime()),
    );
  const fromRollbacks = deployments.filter(isRollback).flatMap((rollback) => {
    const at = rollback.createdAt.getTime();
    if (covered(at)) return [];
    const replaced = servingAt(serving, at, rollback.id);
    return replaced ? [{ startedAt: replaced.servingAt, restoredAt: rollback.servingAt }] : [];
  });
  return [...fromIncidents, ...fromRollbacks];
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The four figures of one period, before banding. */
export interface DoraPeriod {
  /** Counted deployments that started serving in the period. */
  deployments: number;
  /** Of those, the ones a rollback or an incident followed. */
  failedDeployments: number;
  leadTimeMs: number | null;
  changeFailureRate: number | null;
  restores: number;
  timeToRestoreMs: number | null;
}

export interface DoraHistory {
  deployments: readonly DoraDeployment[];
  incidents: readonly DoraIncident[];
  /** The suspect window of incident links, in hours (default 2). */
  suspectWindowHours?: number;
}

/** What a history's failures and restores are, worked out once for all its periods. */
export interface JudgedHistory {
  failed: Set<number>;
  restored: Restore[];
}

export function judgeHistory(history: DoraHistory): JudgedHistory {
  const options = {
    suspectWindowHours: history.suspectWindowHours ?? DEFAULT_SUSPECT_WINDOW_HOURS,
  };
  return {
    failed: failedDeploymentIds(history.deployments, history.incidents, options),
    restored: restores(history.deployments, history.incidents, options),
  };
}

/** The figures of `[from, to)`: deployments by their serving time, restores by their start. */
export function doraPeriod(
  history: DoraHistory,
  from: Date,
  to: Date,
  { failed, restored: allRestored }: JudgedHistory = judgeHistory(history),
): DoraPeriod {
  const within = (at: Date) => at >= from && at < to;
  const counted = history.deployments.filter((d) => shipsChange(d) && within(d.servingAt));
  const leadTimes = counted.flatMap((d) =>
    d.changeStartedAt && d.changeStartedAt <= d.servingAt
      ? [d.servingAt.getTime() - d.changeStartedAt.getTime()]
      : [],
  );
  const restored = allRestored.filter((r) => within(r.startedAt));
  const failedDeployments = counted.filter((d) => failed.has(d.id)).length;
  return {
    deployments: counted.length,
    failedDeployments,
    leadTimeMs: median(leadTimes),
    changeFailureRate: counted.length > 0 ? failedDeployments / counted.length : null,
    restores: restored.length,
    timeToRestoreMs: median(restored.map((r) => r.restoredAt.getTime() - r.startedAt.getTime())),
  };
}

/** Deployments a week over a span of any length. */
export function perWeek(deployments: number, from: Date, to: Date): number {
  const span = to.getTime() - from.getTime();
  return span > 0 ? (deployments * WEEK_MS) / span : 0;
}

/**
 * The bands of the Accelerate State of DevOps Report 2023 (DORA, Google Cloud,
 * https://dora.dev/research/2023/dora-report/ — the 2024 report keeps the same cut-offs for
 * throughput and recovery): deployment frequency elite "on demand, multiple deploys a day",
 * high "between once a day and once a week", medium "between once a week and once a month";
 * lead time elite "less than a day", high "a day to a week", medium "a week to a month";
 * failed-deployment recovery elite "less than an hour", high "less than a day", medium "a day to
 * a week". The report gives each cluster's typical change failure rate (5 %, 10 %, 15 %, 64 %);
 * envboard reads them as upper bounds. Anything beyond medium is low.
 */
export interface BandRule {
  /** True when a larger value is better (deployment frequency). */
  higherIsBetter: boolean;
  /** The edge of elite, high and medium, in the key's unit; the edge belongs to the better band. */
  edges: readonly [elite: number, high: number, medium: number];
}

export const DORA_BAND_RULES: Record<DoraKey, BandRule> = {
  // Deployments a week: daily or more, weekly or more, monthly (12 a year) or more.
  deploymentFrequency: { higherIsBetter: true, edges: [7, 1, 12 / 52] },
  leadTime: { higherIsBetter: false, edges: [DAY_MS, 7 * DAY_MS, 30 * DAY_MS] },
  changeFailureRate: { higherIsBetter: false, edges: [0.05, 0.1, 0.15] },
  timeToRestore: { higherIsBetter: false, edges: [HOUR_MS, DAY_MS, 7 * DAY_MS] },
};

export function doraBand(key: DoraKey, value: number | null): DoraBand | null {
  if (value === null || !Number.isFinite(value)) return null;
  const { higherIsBetter, edges } = DORA_BAND_RULES[key];
  const index = edges.findIndex((edge) => (higherIsBetter ? value >= edge : value <= edge));
  return index === -1 ? 'low' : DORA_BANDS[index]!;
}

export interface DoraFigure {
  key: DoraKey;
  /** Deployments a week, milliseconds, or a 0–1 ratio; null without data. */
  value: number | null;
  band: DoraBand | null;
}

export interface DoraWeek extends DoraPeriod {
  /** The Monday (UTC) that starts the ISO week. */
  week: string;
}

export interface DoraSummary {
  /** The current figures' span: `from` inclusive, `to` exclusive, ISO instants. */
  from: string;
  to: string;
  period: DoraPeriod;
  figures: Record<DoraKey, DoraFigure>;
  weeks: DoraWeek[];
}

/** A week's (or period's) value of one key, in the unit its band rule uses. */
export function doraValue(key: DoraKey, period: DoraPeriod, from: Date, to: Date): number | null {
  switch (key) {
    case 'deploymentFrequency':
      return perWeek(period.deployments, from, to);
    case 'leadTime':
      return period.leadTimeMs;
    case 'changeFailureRate':
      return period.changeFailureRate;
    case 'timeToRestore':
      return period.timeToRestoreMs;
  }
}

/**
 * The current figures over `[from, to)` and the trend by ISO week. Each week is its own period;
 * the last one runs until `to` (so far). Deployment frequency of a week is that week's count.
 */
export function summarizeDora(
  history: DoraHistory,
  { from, to, weeks }: { from: Date; to: Date; weeks: readonly string[] },
): DoraSummary {
  const judged = judgeHistory(history);
  const period = doraPeriod(history, from, to, judged);
  const figures = Object.fromEntries(
    DORA_KEYS.map((key) => {
      const value = doraValue(key, period, from, to);
      return [key, { key, value, band: doraBand(key, value) }];
    }),
  ) as Record<DoraKey, DoraFigure>;
  const trend = weeks.map((week): DoraWeek => {
    const start = new Date(`${week}T00:00:00Z`);
    const end = new Date(Math.min(start.getTime() + WEEK_MS, to.getTime()));
    return { week, ...doraPeriod(history, start, end, judged) };
  });
  return { from: from.toISOString(), to: to.toISOString(), period, figures, weeks: trend };
}

/** The week's value of a key as the trend draws it: a week's deployments are its count. */
export function weekValue(key: DoraKey, week: DoraWeek): number | null {
  switch (key) {
    case 'deploymentFrequency':
      return week.deployments;
    case 'leadTime':
      return week.leadTimeMs;
    case 'changeFailureRate':
      return week.changeFailureRate;
    case 'timeToRestore':
      return week.timeToRestoreMs;
  }
}

/**
 * The pull request a merge commit names, by GitHub's default messages: a squash merge ends its
 * title with "(#123)", a merge commit starts "Merge pull request #123 from …"
 * (https://docs.github.com/en/pull-requests/collaborating-with-pull-requests/incorporating-changes-from-a-pull-request/about-pull-request-merges).
 */
export function pullRequestNumberInMessage(message: string): number | null {
  const title = message.split('\n', 1)[0]!.trim();
  const match = /\(#(\d+)\)$/.exec(title) ?? /^Merge pull request #(\d+)\b/.exec(title);
  return match ? Number(match[1]) : null;
}
