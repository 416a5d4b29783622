import type { CiRun } from '@/db/schema';
import type { WorkflowJob, WorkflowRun } from '@/lib/providers/github/types';

/**
 * How a GitHub workflow run reads on the board. Pure: the timing rules are tested on their own.
 */

export type CiStatus = CiRun['status'];
export type CiConclusion = NonNullable<CiRun['conclusion']>;

/** GitHub's `requested`, `waiting` and `pending` all mean no runner has it yet. */
export function ciStatus(status: string | null): CiStatus {
  if (status === 'completed') return 'completed';
  if (status === 'in_progress') return 'in_progress';
  return 'queued';
}

/**
 * The board keeps five conclusions. GitHub's others fold into the nearest: `neutral` passed,
 * `action_required` and `startup_failure` did not, `stale` was superseded like a cancel.
 */
export function ciConclusion(conclusion: string | null): CiConclusion | null {
  switch (conclusion) {
    case null:
      return null;
    case 'success':
    case 'neutral':
      return 'success';
    case 'cancelled':
    case 'stale':
      return 'cancelled';
    case 'skipped':
      return 'skipped';
    case 'timed_out':
      return 'timed_out';
    default:
      return 'failure';
  }
}

const STATUS_RANK: Record<CiStatus, number> = { queued: 0, in_progress: 1, completed: 2 };

/** Runs only move forward, so of two copies with the same time the further one wins. */
export function ciStatusRank(status: CiStatus): number {
  return STATUS_RANK[status];
}

/** GitHub fills a queued job's `started_at` with its creation time: only a running job started. */
export function jobHasStarted(job: Pick<WorkflowJob, 'status' | 'startedAt'>): boolean {
  return job.startedAt !== null && (job.status === 'in_progress' || job.status === 'completed');
}

export interface CiTiming {
  startedAt: Date | null;
  completedAt: Date | null;
  queueMs: number | null;
  durationMs: number | null;
}

const earliest = (dates: (Date | null)[]) =>
  dates.reduce<Date | null>((min, d) => (d && (!min || d < min) ? d : min), null);
const last = (dates: (Date | null)[]) =>
  dates.reduce<Date | null>((max, d) => (d && (!max || d > max) ? d : max), null);

/**
 * Queue time runs from the run's creation to the first job picked up by a runner; duration from
 * there to the end. Without jobs, `run_started_at` stands in for the start and the run's last
 * update for the end of a completed run. `known` carries a start already learned from job
 * events for the same attempt.
 */
export function ciTiming(
  run: WorkflowRun,
  jobs: readonly WorkflowJob[] | undefined,
  known?: Pick<CiRun, 'startedAt' | 'runAttempt'>,
): CiTiming {
  const status = ciStatus(run.status);
  const started = (jobs ?? []).filter(jobHasStarted);
  const fromJobs = started.length > 0;
  const knownStart = known && known.runAttempt === run.runAttempt ? known.startedAt : null;
  const startedAt =
    (fromJobs ? earliest(started.map((job) => job.startedAt)) : null) ??
    knownStart ??
    (status === 'queued' ? null : run.runStartedAt);
  const jobsEnd = fromJobs ? last(started.map((job) => job.completedAt)) : null;
  const completedAt = status === 'completed' ? (jobsEnd ?? run.updatedAt) : null;
  return spans(run.createdAt, startedAt, completedAt);
}

export function spans(createdAt: Date, startedAt: Date | null, completedAt: Date | null): CiTiming {
  const between = (from: Date | null, to: Date | null) =>
    from && to ? Math.max(0, to.getTime() - from.getTime()) : null;
  return {
    startedAt,
    completedAt,
    queueMs: between(createdAt, startedAt),
    durationMs: between(startedAt, completedAt),
  };
}
