import 'server-only';
import { and, asc, between, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import { type ChartRange, rangeDayList, rangeGrain, weekStart } from '@/lib/domain/chart-range';
import {
  type CiGrain,
  type CiMetrics,
  type CiPeriodStats,
  type CiSlowRun,
  type CiWorkflowSeries,
  successRate,
} from '@/lib/domain/ci-metrics';
import type { Database } from '../client';
import { ciRollups, ciRuns } from '../schema';

/** How many of the range's slowest runs the CI page lists. */
export const SLOWEST_RUNS = 10;

/** The periods a CI chart draws: the range's days, or the Mondays of its weeks. */
export function ciPeriods(range: ChartRange, grain: CiGrain, now: Date): string[] {
  const days = rangeDayList(range, now);
  return grain === 'day' ? days : [...new Set(days.map(weekStart))];
}

/**
 * Every workflow's CI figures over the range, per day or per ISO week. Reads one span of the
 * `ci_rollups` primary key (project_id, period, starts_on, workflow_name): O(periods × workflows)
 * rows, whatever the length of the history. 12 months are always drawn by week.
 */
export async function getCiMetrics(
  db: Database,
  projectId: number,
  { range, now, grain: asked }: { range: ChartRange; now: Date; grain?: CiGrain },
): Promise<CiMetrics> {
  const grain: CiGrain = rangeGrain(range) === 'week' ? 'week' : (asked ?? 'day');
  const periods = ciPeriods(range, grain, now);
  const rows = await db
    .select()
    .from(ciRollups)
    .where(
      and(
        eq(ciRollups.projectId, projectId),
        eq(ciRollups.period, grain),
        between(ciRollups.startsOn, periods[0]!, periods[periods.length - 1]!),
      ),
    )
    .orderBy(asc(ciRollups.startsOn));

  const byWorkflow = new Map<string, CiPeriodStats[]>();
  for (const row of rows) {
    const points = byWorkflow.get(row.workflowName) ?? [];
    points.push({
      period: row.startsOn,
      runs: row.runs,
      successes: row.successes,
      failures: row.failures,
      successRate: successRate(row.successes, row.failures),
      durationP50Ms: row.durationP50Ms,
      durationP95Ms: row.durationP95Ms,
      queueP50Ms: row.queueP50Ms,
      queueP95Ms: row.queueP95Ms,
    });
    byWorkflow.set(row.workflowName, points);
  }
  const workflows: CiWorkflowSeries[] = [...byWorkflow]
    .map(([workflow, points]) => ({ workflow, points }))
    .sort((a, b) => totalRuns(b) - totalRuns(a) || a.workflow.localeCompare(b.workflow));

  const slowest = await getSlowestRuns(
    db,
    projectId,
    rows.filter((row) => row.slowestRunId !== null && row.maxDurationMs !== null),
  );
  return { range, grain, periods, workflows, slowest };
}

const totalRuns = (series: CiWorkflowSeries) =>
  series.points.reduce((sum, point) => sum + point.runs, 0);

/**
 * The slowest run of each of the slowest periods: the rollup already names each period's
 * slowest run, so this reads at most SLOWEST_RUNS `ci_runs` rows by primary key, never the
 * range's runs.
 */
async function getSlowestRuns(
  db: Database,
  projectId: number,
  periods: readonly {
    startsOn: string;
    slowestRunId: number | null;
    maxDurationMs: number | null;
  }[],
): Promise<CiSlowRun[]> {
  const top = [...periods]
    .sort((a, b) => (b.maxDurationMs ?? 0) - (a.maxDurationMs ?? 0))
    .slice(0, SLOWEST_RUNS);
  if (top.length === 0) return [];
  const periodOf = new Map(top.map((row) => [row.slowestRunId!, row.startsOn]));
  const runs = await db
    .select({
      id: ciRuns.id,
      workflow: ciRuns.workflowName,
      durationMs: ciRuns.durationMs,
      queueMs: ciRuns.queueMs,
      conclusion: ciRuns.conclusion,
      headBranch: ciRuns.headBranch,
      headSha: ciRuns.headSha,
      htmlUrl: ciRuns.htmlUrl,
      createdAt: ciRuns.providerCreatedAt,
    })
    .from(ciRuns)
    .where(
      and(
        eq(ciRuns.projectId, projectId),
        inArray(ciRuns.id, [...periodOf.keys()]),
        isNotNull(ciRuns.durationMs),
      ),
    )
    .orderBy(desc(ciRuns.durationMs), asc(ciRuns.id));
  return runs.map((run) => ({
    ...run,
    durationMs: run.durationMs!,
    period: periodOf.get(run.id)!,
    createdAt: run.createdAt.toISOString(),
  }));
}
