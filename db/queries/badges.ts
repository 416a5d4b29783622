import 'server-only';
import { sql } from 'drizzle-orm';
import type { DeploymentState } from '@/lib/domain/deployments';
import type { Database } from '../client';
import { rowsOf } from './rows';

export interface TestCounts {
  passed: number;
  failed: number;
}

/**
 * The pass and fail counts of the newest run of each suite on `commitSha` (test_runs_commit_idx),
 * or, when no run has that commit, on `branch` (test_runs_branch_started_idx): one figure for
 * the code the environment serves. Null when neither has a run.
 */
export async function latestTestCounts(
  db: Database,
  projectId: number,
  { commitSha, branch }: { commitSha: string | null; branch: string },
): Promise<TestCounts | null> {
  const scope = async (where: ReturnType<typeof sql>) => {
    const result = await db.execute(sql`
      select coalesce(sum(passed), 0)::int as passed, coalesce(sum(failed), 0)::int as failed,
        count(*)::int as runs
      from (
        select distinct on (suite) passed, failed
        from test_runs
        where project_id = ${projectId} and ${where}
        order by suite, started_at desc, id desc
      ) newest
    `);
    const [row] = rowsOf<{ passed: number; failed: number; runs: number }>(result);
    return row && Number(row.runs) > 0
      ? { passed: Number(row.passed), failed: Number(row.failed) }
      : null;
  };
  const onCommit = commitSha ? await scope(sql`commit_sha = ${commitSha}`) : null;
  return onCommit ?? scope(sql`branch = ${branch}`);
}

/** The state of the environment's newest deployment (deployments_environment_created_idx). */
export async function newestDeploymentState(
  db: Database,
  environmentId: number,
): Promise<DeploymentState | null> {
  const result = await db.execute(sql`
    select state::text as state from deployments
    where environment_id = ${environmentId}
    order by provider_created_at desc, id desc
    limit 1
  `);
  return rowsOf<{ state: DeploymentState }>(result)[0]?.state ?? null;
}
