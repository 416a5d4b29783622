import { and, desc, eq, or, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type CiRun, ciRuns, type NewCiRun, type Project, pullRequests } from '@/db/schema';
import { upsertCiRuns } from '@/db/writes';
import type { WorkflowJob, WorkflowRun } from '@/lib/providers/github/types';
import {
  ciConclusion,
  ciStatus,
  ciStatusRank,
  ciTiming,
  jobHasStarted,
  spans,
} from './ci-run-state';
import { type ApplyResult, changedIf, differs, ignored, inTransaction } from './result';

const CI_RUN_FIELDS = [
  'status',
  'conclusion',
  'runAttempt',
  'startedAt',
  'completedAt',
  'queueMs',
  'durationMs',
  'pullRequestId',
] as const satisfies readonly (keyof CiRun)[];

async function findCiRun(db: Database, githubRunId: number): Promise<CiRun | undefined> {
  const [row] = await db.select().from(ciRuns).where(eq(ciRuns.githubRunId, githubRunId));
  return row;
}

/**
 * The pull request a run belongs to: the one GitHub names, else (runs from forks name none) the
 * newest one whose head is this commit or, failing that, this branch. One query: the rows any
 * rule matches, ranked by the first rule each matches.
 */
function pullRequestIdQuery(db: Database, projectId: number, run: WorkflowRun) {
  const rules = [
    ...run.pullRequestNumbers.map((number) => eq(pullRequests.number, number)),
    eq(pullRequests.headSha, run.headSha),
    ...(run.headBranch ? [eq(pullRequests.headBranch, run.headBranch)] : []),
  ];
  const rank = sql`case ${sql.join(
    rules.map((rule, index) => sql`when ${rule} then ${index}`),
    sql` `,
  )} end`;
  return db
    .select({ id: pullRequests.id })
    .from(pullRequests)
    .where(and(eq(pullRequests.projectId, projectId), or(...rules)))
    .orderBy(rank, desc(pullRequests.openedAt))
    .limit(1);
}

/**
 * The stored copy of a run, if any, and the pull request it belongs to, in one round trip: the
 * pull request as a subquery beside the run, left joined so a new run still gets a row.
 */
async function storedRunAndPullRequest(db: Database, projectId: number, run: WorkflowRun) {
  const [row] = await db
    .select({
      pullRequestId: sql<number | null>`(${pullRequestIdQuery(db, projectId, run)})`,
      stored: ciRuns,
    })
    .from(sql`(select 1) as one`)
    .leftJoin(ciRuns, eq(ciRuns.githubRunId, run.id));
  return { stored: row?.stored ?? undefined, pullRequestId: row?.pullRequestId ?? null };
}

/** A stored copy wins over one that is older, or as old and no further along. */
function isStale(stored: CiRun, run: WorkflowRun): boolean {
  const incoming = run.updatedAt.getTime();
  const existing = stored.providerUpdatedAt.getTime();
  if (incoming !== existing) return incoming < existing;
  return ciStatusRank(ciStatus(run.status)) < ciStatusRank(stored.status);
}

/**
 * Stores a workflow run as a ci_runs row: status, conclusion, queue time and duration (from its
 * jobs when given) and the pull request it ran for. An older copy never overwrites a newer one.
 */
export async function applyWorkflowRun(
  db: Database,
  project: Project,
  run: WorkflowRun,
  jobs?: readonly WorkflowJob[],
): Promise<ApplyResult> {
  return inTransaction(db, async (tx) => {
    const { stored, pullRequestId } = await storedRunAndPullRequest(tx, project.id, run);
    if (stored && isStale(stored, run)) return changedIf(false);
    const row: NewCiRun = {
      projectId: project.id,
      githubRunId: run.id,
      pullRequestId,
      workflowName: run.name ?? `Workflow ${run.workflowId}`,
      event: run.event,
      headBranch: run.headBranch ?? '',
      headSha: run.headSha,
      status: ciStatus(run.status),
      conclusion: ciConclusion(run.conclusion),
      runAttempt: run.runAttempt,
      htmlUrl: run.htmlUrl,
      providerCreatedAt: run.createdAt,
      ...ciTiming(run, jobs, stored),
      providerUpdatedAt: stored
        ? new Date(Math.max(stored.providerUpdatedAt.getTime(), run.updatedAt.getTime()))
        : run.updatedAt,
    };
    if (stored && !differs(stored, row, CI_RUN_FIELDS)) return changedIf(false);
    await upsertCiRuns(tx, [row]);
    return changedIf(true);
  });
}

/**
 * A job event refines its run's timing: the first job a runner picks up ends the queue time.
 * The run itself arrives with workflow_run events (or the sync); until then there is nothing to
 * refine.
 */
export async function applyWorkflowJob(
  db: Database,
  project: Project,
  job: WorkflowJob,
): Promise<ApplyResult> {
  return inTransaction(db, async (tx) => {
    const stored = await findCiRun(tx, job.runId);
    if (!stored || stored.projectId !== project.id) {
      return ignored(`workflow run ${job.runId} is not stored yet; its workflow_run event adds it`);
    }
    const picked = jobHasStarted(job) ? job.startedAt : null;
    if (!picked || (stored.startedAt && stored.startedAt <= picked)) {
      return changedIf(false);
    }
    const timing = spans(stored.providerCreatedAt, picked, stored.completedAt);
    const { id: _id, createdAt: _created, updatedAt: _updated, ...fields } = stored;
    await upsertCiRuns(tx, [{ ...fields, ...timing }]);
    return changedIf(true);
  });
}
