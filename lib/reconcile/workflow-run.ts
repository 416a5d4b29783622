import { and, desc, eq, or, type Placeholder, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type CiRun, ciRuns, type NewCiRun, type Project, pullRequests } from '@/db/schema';
import { compiledPerShape } from '@/db/compiled-statement';
import { CI_RUN_STATE, upsertCiRun } from '@/db/writes';
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

async function findCiRun(db: Database, githubRunId: number): Promise<CiRun | undefined> {
  const [row] = await db.select().from(ciRuns).where(eq(ciRuns.githubRunId, githubRunId));
  return row;
}

/** The values of the stored-run lookup, named as its placeholders. */
function lookupValues(projectId: number, run: WorkflowRun) {
  return {
    projectId,
    runId: run.id,
    headSha: run.headSha,
    ...(run.headBranch ? { headBranch: run.headBranch } : {}),
    ...Object.fromEntries(
      run.pullRequestNumbers.map((number, index) => [`number${index}`, number]),
    ),
  };
}

/**
 * The stored copy of a run, if any, and the pull request it belongs to, in one round trip: the
 * pull request as a subquery beside the run, left joined so a new run still gets a row. The pull
 * request is the one GitHub names, else (runs from forks name none) the newest one whose head is
 * this commit or, failing that, this branch: the rows any rule matches, ranked by the first rule
 * each matches. Every workflow_run webhook runs this, so its SQL is built once per shape (how many
 * pull requests the run names, whether it has a branch).
 */
const storedRunLookup = compiledPerShape<
  ReturnType<typeof lookupValues>,
  { pullRequestId: number | null; stored: CiRun | null }
>((db, values) => {
  const value = (name: string) => (values as Record<string, Placeholder>)[name]!;
  const rules = [
    ...Object.keys(values)
      .filter((name) => name.startsWith('number'))
      .map((name) => eq(pullRequests.number, value(name))),
    eq(pullRequests.headSha, values.headSha),
    ...('headBranch' in values ? [eq(pullRequests.headBranch, value('headBranch'))] : []),
  ];
  const rank = sql`case ${sql.join(
    rules.map((rule, index) => sql`when ${rule} then ${sql.raw(String(index))}`),
    sql` `,
  )} end`;
  const pullRequestId = db
    .select({ id: pullRequests.id })
    .from(pullRequests)
    .where(and(eq(pullRequests.projectId, values.projectId), or(...rules)))
    .orderBy(rank, desc(pullRequests.openedAt))
    .limit(1);
  return db
    .select({ pullRequestId: sql<number | null>`(${pullRequestId})`, stored: ciRuns })
    .from(sql`(select 1) as one`)
    .leftJoin(ciRuns, eq(ciRuns.githubRunId, values.runId));
});

async function storedRunAndPullRequest(db: Database, projectId: number, run: WorkflowRun) {
  const [row] = await storedRunLookup(db, lookupValues(projectId, run));
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
    if (stored && !differs(stored, row, CI_RUN_STATE)) return changedIf(false);
    await upsertCiRun(tx, row);
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
    await upsertCiRun(tx, { ...fields, ...timing });
    return changedIf(true);
  });
}
