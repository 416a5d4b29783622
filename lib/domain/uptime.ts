/** Uptime rules: pure, so they test in milliseconds. */

export const UPTIME_WINDOWS = ['24h', '7d', '30d'] as const;
export type UptimeWindow = (typeof UPTIME_WINDOWS)[number];

/** Share of checks that succeeded, as a percentage; null when nothing was checked. */
export function uptimePct(okChecks: number, totalChecks: number): number | null {
  if (totalChecks <= 0) return null;
  return (okChecks / totalChecks) * 100;
}

/** The incident list's windows, in days, shortest first. */
export const INCIDENT_WINDOWS = ['7', '30'] as const;
export type IncidentWindow = (typeof INCIDENT_WINDOWS)[number];

export type SloStatus = 'meeting' | 'breaching' | 'no-data';

export function sloStatus(pct: number | null, sloPct: number): SloStatus {
  if (pct === null) return 'no-data';
  return pct >= sloPct ? 'meeting' : 'breaching';
}

export const SLO_STATUS_LABEL: Record<SloStatus, string> = {
  meeting: 'Meeting SLO',
  breaching: 'Below SLO',
  'no-data': 'No checks',
};

/**
 * The one window an SLO verdict is judged over, the error budget's: a shorter window is a figure
 * to watch, never a second verdict that could contradict this one.
 */
export const SLO_WINDOW = '30d' satisfies UptimeWindow;
export const SLO_WINDOW_DAYS = 30;

export const UPTIME_WINDOW_LABEL: Record<UptimeWindow, string> = {
  '24h': '24 hours',
  '7d': '7 days',
  '30d': '30 days',
};

export interface SloVerdict {
  status: SloStatus;
  /** Availability over the SLO window, 0–100; null without checks. */
  pct: number | null;
  /** "Meeting SLO, 30 days": the verdict always names its window. */
  label: string;
}

/** The verdict over the SLO window's checks: the only place "meeting" or "below" is decided. */
export function sloVerdict(okChecks: number, totalChecks: number, sloPct: number): SloVerdict {
  const pct = uptimePct(okChecks, totalChecks);
  const status = sloStatus(pct, sloPct);
  const window = UPTIME_WINDOW_LABEL[SLO_WINDOW];
  const label =
    status === 'no-data' ? `No checks in ${window}` : `${SLO_STATUS_LABEL[status]}, ${window}`;
  return { status, pct, label };
}

/** An environment's verdict, from its SLO window. */
export function environmentSloVerdict(uptime: Pick<EnvironmentUptime, 'windows' | 'sloPct'>) {
  const window = uptime.windows[SLO_WINDOW];
  return sloVerdict(window.okChecks, window.totalChecks, uptime.sloPct);
}

/**
 * How much of the window's error budget is left: 1 when nothing failed, 0 when the failures
 * used exactly what the SLO allows, negative past that. Null without checks.
 */
export function errorBudgetRemaining(
  okChecks: number,
  totalChecks: number,
  sloPct: number,
): number | null {
  if (totalChecks <= 0) return null;
  const allowedFailures = totalChecks * (1 - sloPct / 100);
  const failures = totalChecks - okChecks;
  if (allowedFailures === 0) return failures === 0 ? 1 : -Infinity;
  return 1 - failures / allowedFailures;
}

export interface WindowUptime {
  okChecks: number;
  totalChecks: number;
  pct: number | null;
  status: SloStatus;
}

export function windowUptime(okChecks: number, totalChecks: number, sloPct: number): WindowUptime {
  const pct = uptimePct(okChecks, totalChecks);
  return { okChecks, totalChecks, pct, status: sloStatus(pct, sloPct) };
}

export interface EnvironmentUptime {
  environmentId: number;
  slug: string;
  name: string;
  kind: string;
  url: string | null;
  sloPct: number;
  windows: Record<UptimeWindow, WindowUptime>;
  errorBudgetRemaining30d: number | null;
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
  lastCheck: {
    checkedAt: Date;
    ok: boolean;
    statusCode: number | null;
    latencyMs: number | null;
  } | null;
}

export interface Incident {
  environmentId: number;
  environmentSlug: string;
  environmentName: string;
  startedAt: Date;
  lastFailureAt: Date;
  /** The first successful check after the failures; null while the incident is ongoing. */
  resolvedAt: Date | null;
  durationMs: number;
  checksFailed: number;
  firstError: string | null;
  firstStatusCode: number | null;
}

/** An ongoing incident lasts until now; a resolved one until the check that found it healthy. */
export function incidentDurationMs(startedAt: Date, resolvedAt: Date | null, now: Date): number {
  return Math.max(0, (resolvedAt ?? now).getTime() - startedAt.getTime());
}
