import { inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type CiRun, ciRuns, type Project } from '@/db/schema';
import { recordCiRunReportsRead } from '@/db/writes';
import type { GitHubClient, WorkflowJob, WorkflowRun } from '@/lib/providers/github/types';
import { ciStatus, ciStatusRank } from '@/lib/reconcile/ci-run-state';
import { applyWorkflowRun } from '@/lib/reconcile';
import { recordRunArtifacts } from '@/lib/test-reports/artifacts';
import { itemError, resumeFrom, sinceFromCursor } from './cursor';
import { emptyTally, type SyncJob } from './sync-job';

export const GITHUB_WORKFLOW_RUNS = 'github.workflow_runs';

type StoredRun = Pick<CiRun, 'githubRunId' | 'status' | 'providerUpdatedAt' | 'reportsReadAt'>;

/**
 * Workflow runs created since the cursor, with their jobs for queue time and duration. The
 * cursor stays at the oldest run not yet completed, so it is listed again until it is; while
 * nothing changes the listing's URL and body stay the same and cost one request answered 304.
 * A run already stored as far along as GitHub has it costs no jobs call.
 */
export function githubWorkflowRunsJob(
  clients: { github: GitHubClient },
  project: Project,
): SyncJob {
  return {
    kind: GITHUB_WORKFLOW_RUNS,
    callsSpent: () => clients.github.usage().requests,
    work: async ({ db, now, previousCursor }) => {
      const since = sinceFromCursor(previousCursor, now);
      const runs = await clients.github.listWorkflowRuns({ since });
      const stored = await storedRuns(db, runs);

      const tally = emptyTally();
      const failed = new Set<number>();
      const oldestFirst = [...runs].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
      for (const run of oldestFirst) {
        tally.itemsSeen++;
        const known = stored.get(run.id);
        // A run a webhook stored as completed is up to date, but its reports are still unread.
        const reportsDue = run.status === 'completed' && !known?.reportsReadAt;
        if (known && isUpToDate(known, run) && !reportsDue) continue;
        try {
          const jobs = await jobsWorthFetching(clients.github, run, known);
          if ((await applyWorkflowRun(db, project, run, jobs)).changed) tally.itemsChanged++;
          if (reportsDue) {
            await recordTestResults(db, project, clients.github, run, tally.errors, now);
          }
        } catch (error) {
          tally.errors.push(itemError(`workflow run ${run.id}`, error));
          failed.add(run.id);
        }
      }
      // A run that failed to store is listed again next time, like one still running.
      const items = runs.map((run) => ({
        createdAt: run.createdAt,
        finished: run.status === 'completed' && !failed.has(run.id),
      }));
      return { ...tally, cursor: resumeFrom(items, since, now).toISOString() };
    },
  };
}

/**
 * A run that has just completed may have uploaded its reports as a `test-results` artifact;
 * reports that cannot be read are listed in the sync's errors so they show on the Sync page (a
 * fork's run is routine, not an error). A
 * run whose artifact is refused whole (a fork's run, an expired or oversized artifact, a zip
 * bomb) keeps the reason on its ci_runs row. Either way the run is marked read, so the cursor
 * moves on and the artifact is not fetched again.
 */
async function recordTestResults(
  db: Database,
  project: Project,
  github: GitHubClient,
  run: WorkflowRun,
  errors: string[],
  now: Date,
): Promise<void> {
  const { rejected, refused } = await recordRunArtifacts(db, project, github, run);
  const runFailures = refused ? [refused] : [];
  for (const { artifactId, file, reason } of rejected) {
    errors.push(
      `workflow run ${run.id}, artifact ${artifactId}${file ? ` ${file}` : ''}: ${reason}`,
    );
    if (!file) runFailures.push(`artifact ${artifactId}: ${reason}`);
  }
  const error = runFailures.length > 0 ? runFailures.join('; ') : null;
  await recordCiRunReportsRead(db, run.id, { at: now, error });
}

async function storedRuns(db: Database, runs: readonly WorkflowRun[]) {
  if (runs.length === 0) return new Map<number, StoredRun>();
  const rows = await db
    .select({
      githubRunId: ciRuns.githubRunId,
      status: ciRuns.status,
      providerUpdatedAt: ciRuns.providerUpdatedAt,
      reportsReadAt: ciRuns.reportsReadAt,
    })
    .from(ciRuns)
    .where(
      inArray(
        ciRuns.githubRunId,
        runs.map((run) => run.id),
      ),
    );
  return new Map(rows.map((row) => [row.githubRunId, row]));
}

/** Stored at least as recently and at least as far along as GitHub has it now. */
function isUpToDate(stored: StoredRun, run: WorkflowRun): boolean {
  return (
    stored.providerUpdatedAt >= run.updatedAt &&
    ciStatusRank(stored.status) >= ciStatusRank(ciStatus(run.status))
  );
}

/**
 * Jobs carry when a runner picked the run up (queue time) and when it finished. A queued run has
 * none yet, and a run already stored as completed keeps the timing it was stored with.
 */
async function jobsWorthFetching(
  github: GitHubClient,
  run: WorkflowRun,
  stored: StoredRun | undefined,
): Promise<WorkflowJob[] | undefined> {
  const status = ciStatus(run.status);
  if (status === 'queued') return undefined;
  if (status === 'completed' && stored?.status === 'completed') return undefined;
  return github.listWorkflowJobs(run.id);
}
