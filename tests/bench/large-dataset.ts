import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { firstRow } from '@/db/migrate';
import { seedDemo } from '@/db/seed';
import { backfillRollups } from '../support/rollups';

export interface DatasetTargets {
  deployments: number;
  testCases: number;
  costDays: number;
}

export const BENCH_TARGETS: DatasetTargets = {
  deployments: 100_000,
  testCases: 1_000_000,
  costDays: 365,
};

/** Copies are new commits: a commit deployed once in real history stays deployed once here. */
function copiedSha(column: SQL, copy: number): SQL {
  const salt = `-b${copy}`;
  return sql`substr(md5(${column} || ${salt}) || md5(${salt} || ${column}), 1, 40)`;
}

async function scalar(db: Database, query: ReturnType<typeof sql>): Promise<number> {
  return Number(firstRow(await db.execute(query))?.value ?? 0);
}

/**
 * The demo history, multiplied in SQL until the tables reach the budget's sizes. Copies keep the
 * demo's shapes (states, authors, flaky rates) and move back in time, so every filter still finds
 * realistic proportions. Every active environment gets 30 days of 5-minute uptime checks.
 */
export async function seedLargeDataset(db: Database, targets = BENCH_TARGETS): Promise<void> {
  const projects = await scalar(db, sql`select count(*) as value from projects`);
  if (projects === 0) await seedDemo(db);

  const deployments = await scalar(db, sql`select count(*) as value from deployments`);
  const deploymentCopies = Math.ceil(Math.max(0, targets.deployments - deployments) / deployments);
  for (let copy = 1; copy <= deploymentCopies; copy += 1) {
    await db.execute(sql`
      insert into deployments (project_id, environment_id, pull_request_id, vercel_id, url, target,
        state, source, git_branch, commit_sha, commit_message, commit_author, error_message,
        provider_created_at, build_started_at, ready_at, build_duration_ms, provider_updated_at)
      select project_id, environment_id, pull_request_id, vercel_id || '-b' || ${copy}, url, target,
        state, source, git_branch, ${copiedSha(sql.raw('commit_sha'), copy)}, commit_message,
        commit_author, error_message,
        provider_created_at - ${copy} * interval '5 days', build_started_at - ${copy} * interval '5 days',
        ready_at - ${copy} * interval '5 days', build_duration_ms, provider_updated_at
      from deployments where vercel_id not like '%-b%'
      limit ${targets.deployments - deployments * copy}`);
  }

  const testCases = await scalar(db, sql`select count(*) as value from test_cases`);
  const runCopies = Math.ceil(Math.max(0, targets.testCases - testCases) / testCases);
  for (let copy = 1; copy <= runCopies; copy += 1) {
    const suffix = `-b${copy}`;
    await db.execute(sql`
      insert into test_runs (project_id, ci_run_id, environment_id, deployment_id, pull_request_id,
        external_id, suite, status, commit_sha, branch, started_at, duration_ms, total, passed,
        failed, skipped, flaky, coverage_pct)
      select project_id, ci_run_id, environment_id, deployment_id, pull_request_id,
        external_id || ${suffix}, suite, status, ${copiedSha(sql.raw('commit_sha'), copy)}, branch,
        started_at - ${copy} * interval '90 days', duration_ms, total, passed, failed, skipped,
        flaky, coverage_pct
      from test_runs where external_id not like '%-b%'`);
    await db.execute(sql`
      insert into test_cases (test_run_id, suite, file, name, status, duration_ms, retries,
        failure_message)
      select copied.id, c.suite, c.file, c.name, c.status, c.duration_ms, c.retries, c.failure_message
      from test_cases c
      join test_runs original on original.id = c.test_run_id and original.external_id not like '%-b%'
      join test_runs copied on copied.external_id = original.external_id || ${suffix}`);
  }

  const costDays = await scalar(db, sql`select count(distinct day) as value from cost_samples`);
  const costCopies = Math.ceil(Math.max(0, targets.costDays - costDays) / costDays);
  for (let copy = 1; copy <= costCopies; copy += 1) {
    await db.execute(sql`
      insert into cost_samples (project_id, day, provider, metric, environment_id, pull_request_id,
        quantity, unit, amount_usd, source)
      select project_id, day - ${copy * costDays}::int, provider, metric, environment_id, pull_request_id,
        quantity, unit, amount_usd, source
      from cost_samples where day > (select max(day) from cost_samples) - ${costDays}::int
      on conflict do nothing`);
  }
  // Previews younger than 30 days get a full month of checks too, so every environment is
  // measured at the budget's size; existing checks stay as the demo wrote them.
  await db.execute(sql`
    insert into uptime_checks (environment_id, checked_at, ok, status_code, latency_ms)
    select id, at, ok, case when ok then 200 else 503 end, (60 + 140 * random() ^ 3)::int
    from (
      select e.id, at, random() > 0.001 as ok
      from environments e,
        generate_series(date_trunc('hour', now()) - interval '30 days', now(), interval '5 minutes') at
      where e.status = 'active'
    ) checks
    on conflict do nothing`);
  // The copies above bypass the write functions that keep the daily rollups: sum them, so the
  // charts read rollups of the 10× history, as a board that lived it would hold.
  await backfillRollups(db);
  await db.execute(sql`analyze`);
}

export async function datasetSizes(db: Database): Promise<Record<string, number>> {
  const tables = ['deployments', 'test_runs', 'test_cases', 'cost_samples', 'uptime_checks'];
  const sizes: Record<string, number> = {};
  for (const table of tables) {
    sizes[table] = await scalar(db, sql.raw(`select count(*) as value from ${table}`));
  }
  return sizes;
}
