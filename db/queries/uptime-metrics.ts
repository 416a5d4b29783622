import 'server-only';
import { readBurnRates } from '@/lib/domain/burn-rate';
import {
  type ChartRange,
  isoDay,
  rangeDayList,
  rangeDays,
  rangeGrain,
  rangePeriods,
} from '@/lib/domain/chart-range';
import { ERROR_BUDGET_WINDOW_DAYS, errorBudgetBurnDown } from '@/lib/domain/error-budget';
import type { IncidentSpan, UptimeMetrics } from '@/lib/domain/uptime-metrics';
import {
  availabilityAxisFloor,
  availabilityPeriods,
  dailyLatency,
  rangeUptime,
} from '@/lib/domain/uptime-series';
import type { Database } from '../client';
import { getUptimeDays } from '../rollups/uptime-days';
import { listIncidents } from './uptime';
import { getBurnWindowChecks, getHourlyLatency, getUptimeEnvironment } from './uptime-series';

const INCIDENT_LIMIT = 200;
const LONGEST_LATENCY_DAYS = 30;

/**
 * One environment's uptime charts over a range. Reads the range's days of `uptime_daily` (at
 * least the 30 the error budget and latency need) with today's checks, the last 3 days of raw
 * checks for the burn rates and 24 hours for hourly latency, and the range's failed checks for
 * the incidents: nothing grows with the length of the history. Undefined when the project has
 * no active environment of that slug.
 */
export async function getUptimeMetrics(
  db: Database,
  project: { id: number; uptimeSloPct: number },
  { environmentSlug, range, now }: { environmentSlug: string; range: ChartRange; now: Date },
): Promise<UptimeMetrics | undefined> {
  const projectId = project.id;
  const sloPct = Number(project.uptimeSloPct);
  const environment = await getUptimeEnvironment(db, projectId, environmentSlug);
  if (!environment) return undefined;
  const grain = rangeGrain(range);
  const [days, burnChecks, hourly, incidents] = await Promise.all([
    getUptimeDays(db, projectId, {
      now,
      days: Math.max(rangeDays(range), ERROR_BUDGET_WINDOW_DAYS, LONGEST_LATENCY_DAYS),
      environmentId: environment.id,
    }),
    getBurnWindowChecks(db, environment.id, now),
    getHourlyLatency(db, environment.id, now),
    listIncidents(db, projectId, { now, days: rangeDays(range), limit: INCIDENT_LIMIT }),
  ]);
  const periods = availabilityPeriods(days, rangePeriods(range, now), grain, sloPct);
  const burnRates = readBurnRates(burnChecks, sloPct);
  // The projection spends the budget at the last day's pace: the 1 d window of the burn rates.
  const dayBurn = burnRates.find((reading) => reading.long === '1d')?.longRate ?? null;
  return {
    environment,
    sloPct,
    range,
    grain,
    availability: {
      from: rangeDayList(range, now)[0]!,
      to: isoDay(now),
      window: rangeUptime(periods, sloPct),
      periods,
      axisFloor: availabilityAxisFloor(periods, sloPct),
    },
    incidents: incidents
      .filter((incident) => incident.environmentId === environment.id)
      .map((incident): IncidentSpan => ({
        startedAt: incident.startedAt.toISOString(),
        resolvedAt: incident.resolvedAt?.toISOString() ?? null,
        checksFailed: incident.checksFailed,
        firstError:
          incident.firstError ??
          (incident.firstStatusCode ? `HTTP ${incident.firstStatusCode}` : null),
        durationMs: incident.durationMs,
      })),
    latency: {
      '24h': { grain: 'hour', points: hourly },
      '7d': { grain: 'day', points: dailyLatency(days, rangeDayList('7d', now)) },
      '30d': { grain: 'day', points: dailyLatency(days, rangeDayList('30d', now)) },
    },
    errorBudget: errorBudgetBurnDown(days, rangeDayList('30d', now), sloPct, dayBurn),
    burnRates,
  };
}
