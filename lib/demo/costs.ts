import { DAY, daysInUtcMonth, HOUR, HISTORY_DAYS, isoDay, isWeekend, startOfUtcDay } from './clock';
import { RATES, RUNAWAY_LOOP, STORED_GB, USAGE } from './cost-rates';
import type { Random } from './random';
import type { CostSampleRow, DeploymentRow, EnvironmentRow } from './types';

type Provider = CostSampleRow['provider'];
type Tags = Pick<CostSampleRow, 'environmentSlug' | 'pullRequestNumber'>;

/** A preview that ran away: the loop kept its functions busy and its compute from suspending. */
export interface RunawayUsage {
  environmentSlug: string;
  from: number;
  to: number;
}

/**
 * Daily cost samples for the whole history: the seat and monitoring as shared daily shares,
 * storage and extra branches for the project, usage per environment, and each preview's usage
 * tagged with its pull request. Today holds only the part of the day that has passed. A runaway
 * preview adds its loop's usage to its own samples, so the spike is billed to it.
 */
export function costHistory(
  random: Random,
  now: number,
  environments: readonly EnvironmentRow[],
  deployments: readonly DeploymentRow[],
  runaway: RunawayUsage,
): CostSampleRow[] {
  const buildMinutes = buildMinutesByDay(deployments);
  const rows: CostSampleRow[] = [];
  const today = startOfUtcDay(now);
  const first = today - (HISTORY_DAYS - 1) * DAY;
  for (let day = first; day <= today; day += DAY) {
    const sample = (
      provider: Provider,
      metric: string,
      quantity: number,
      unit: string,
      unitPrice: number,
      tags: Tags = {},
    ) => {
      rows.push({
        ...tags,
        day: isoDay(day),
        provider,
        metric,
        quantity: round(quantity, 6),
        unit,
        amountUsd: round(quantity * unitPrice, 4),
        source: 'demo',
      });
    };
    const monthShare = 1 / daysInUtcMonth(day);
    const elapsed = Math.min(1, (now - day) / DAY);
    // Traffic grows over the quarter and drops at weekends.
    const trend = (1 + (0.12 * (day - first)) / (HISTORY_DAYS * DAY)) * (isWeekend(day) ? 0.7 : 1);

    sample(
      'vercel',
      'seats',
      RATES.vercelSeats * monthShare,
      'seat-month',
      RATES.vercelSeatPerMonth,
    );
    sample('monitoring', 'uptime_monitoring', monthShare, 'plan-month', RATES.monitoringPerMonth);

    const alive = environments
      .map((env) => ({ env, share: aliveShare(env, day, now) }))
      .filter(({ share }) => share > 0);
    const storedGb = alive.reduce((sum, { env }) => sum + STORED_GB[env.kind], 0);
    sample('neon', 'storage', storedGb * monthShare * elapsed, 'GB-month', RATES.perGbMonthStored);
    const extraBranches = alive.length - RATES.includedBranches;
    if (extraBranches > 0) {
      sample(
        'neon',
        'extra_branches',
        extraBranches * monthShare,
        'branch-month',
        RATES.perExtraBranchMonth,
      );
    }

    for (const { env, share } of alive) {
      const profile = USAGE[env.kind];
      const tags = { environmentSlug: env.slug, pullRequestNumber: env.pullRequestNumber };
      const usage = share * random.logNormal(1, 0.12);
      const loopHours = env.slug === runaway.environmentSlug ? overlapHours(runaway, day) : 0;
      const compute =
        (isWeekend(day) ? profile.computeWeekend : profile.computeWeekday) * usage +
        loopHours * RUNAWAY_LOOP.computeUnits;
      sample(
        'vercel',
        'function_invocations',
        profile.invocationsM * trend * usage + loopHours * RUNAWAY_LOOP.invocationsMPerHour,
        'million invocations',
        RATES.perMillionInvocations,
        tags,
      );
      sample(
        'vercel',
        'fast_data_transfer',
        profile.transferGb * trend * usage,
        'GB',
        RATES.perGbTransferred,
        tags,
      );
      sample('neon', 'compute_hours', compute, 'CU-hour', RATES.perComputeUnitHour, tags);
      const minutes = buildMinutes.get(`${env.slug}|${isoDay(day)}`);
      if (minutes) sample('vercel', 'build_minutes', minutes, 'minute', RATES.perBuildMinute, tags);
    }
  }
  return rows;
}

/** Hours of the UTC day starting at `day` inside the window. */
function overlapHours({ from, to }: { from: number; to: number }, day: number): number {
  return Math.max(0, Math.min(to, day + DAY) - Math.max(from, day)) / HOUR;
}

/** The part of a UTC day (0–1) during which the environment existed, up to now. */
function aliveShare(env: EnvironmentRow, day: number, now: number): number {
  const from = Math.max(day, env.createdAt?.getTime() ?? 0);
  const to = Math.min(day + DAY, env.deletedAt?.getTime() ?? now, now);
  return Math.max(0, to - from) / DAY;
}

/** Vercel bills the build minutes of every git deployment; promotes and rollbacks build nothing. */
function buildMinutesByDay(deployments: readonly DeploymentRow[]): Map<string, number> {
  const minutes = new Map<string, number>();
  for (const row of deployments) {
    if (!row.buildDurationMs) continue;
    const key = `${row.environmentSlug}|${isoDay(row.providerCreatedAt.getTime())}`;
    minutes.set(key, (minutes.get(key) ?? 0) + row.buildDurationMs / 60_000);
  }
  return minutes;
}

/** Neon's per-branch compute figure (CU-seconds): month to date, or a preview's whole life. */
export function computeSecondsByEnvironment(
  samples: readonly CostSampleRow[],
  now: number,
): Map<string, number> {
  const monthStart = isoDay(now).slice(0, 8) + '01';
  const seconds = new Map<string, number>();
  for (const row of samples) {
    if (row.metric !== 'compute_hours' || !row.environmentSlug) continue;
    if (row.pullRequestNumber === undefined && row.day < monthStart) continue;
    seconds.set(row.environmentSlug, (seconds.get(row.environmentSlug) ?? 0) + row.quantity * 3600);
  }
  return seconds;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
