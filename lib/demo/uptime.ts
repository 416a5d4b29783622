import { STAGING_SLUG } from './branches';
import { CHECK_INTERVAL, DAY, HISTORY_DAYS, HOUR, isWeekend, MINUTE, startOfUtcDay } from './clock';
import { clamp, type Random } from './random';
import type { Incident } from './timeline';
import type { EnvironmentRow, UptimeCheckRow } from './types';

/** Median response time of the health endpoint; previews and development wake up more slowly. */
const MEDIAN_LATENCY_MS = { production: 92, staging: 118, development: 135, preview: 142 } as const;
/** Share of checks that hit a cold function or a waking database. */
const SLOW_CHECK_RATE = {
  production: 0.015,
  staging: 0.03,
  development: 0.04,
  preview: 0.05,
} as const;
const STAGING_INCIDENT_DAYS_AGO = 9;

/** Staging's own short incident: its database compute stopped answering for 15 minutes. */
export function stagingIncident(random: Random, now: number): Incident {
  let day = startOfUtcDay(now - STAGING_INCIDENT_DAYS_AGO * DAY);
  while (isWeekend(day)) day -= DAY;
  const from = day + 9 * HOUR + random.int(0, 60) * CHECK_INTERVAL;
  return { environmentSlug: STAGING_SLUG, from, to: from + 15 * MINUTE, failure: 'timeout' };
}

/**
 * A check every 5 minutes over the whole history for each live environment (previews only since
 * they exist), so both production incidents show. Checks inside an incident fail; everything else
 * answers 200.
 */
export function uptimeHistory(
  random: Random,
  now: number,
  environments: readonly EnvironmentRow[],
  incidents: readonly Incident[],
): UptimeCheckRow[] {
  const rows: UptimeCheckRow[] = [];
  const windowStart = now - HISTORY_DAYS * DAY;
  for (const env of environments) {
    if (env.status === 'deleted') continue;
    const since = Math.max(windowStart, env.createdAt?.getTime() ?? windowStart);
    const first = (Math.floor(since / CHECK_INTERVAL) + 1) * CHECK_INTERVAL;
    const own = incidents.filter((incident) => incident.environmentSlug === env.slug);
    for (let at = first; at <= now; at += CHECK_INTERVAL) {
      const incident = own.find((window) => at >= window.from && at < window.to);
      rows.push({
        environmentSlug: env.slug,
        checkedAt: new Date(at),
        ...healthCheckOutcome(random, env.kind, incident),
      });
    }
  }
  return rows;
}

/**
 * What one health check of an environment of `kind` finds: a 200 at that kind's usual latency
 * (now and then a cold start), or the incident's failure. The history and the uptime sandbox
 * both answer from it, so live probes of the demo look like its past.
 */
export function healthCheckOutcome(
  random: Random,
  kind: EnvironmentRow['kind'],
  incident: Incident | undefined,
): Pick<UptimeCheckRow, 'ok' | 'statusCode' | 'latencyMs' | 'error'> {
  if (incident?.failure === 'timeout')
    return { ok: false, statusCode: null, latencyMs: null, error: 'timeout' };
  if (incident) return { ok: false, statusCode: 503, latencyMs: random.int(35, 220), error: null };
  const slow = random.chance(SLOW_CHECK_RATE[kind]) ? random.float(3, 9) : 1;
  const latency = random.logNormal(MEDIAN_LATENCY_MS[kind], 0.28) * slow;
  return {
    ok: true,
    statusCode: 200,
    latencyMs: Math.round(clamp(latency, 18, 4_500)),
    error: null,
  };
}
