import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type SQL, sql } from 'drizzle-orm';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '@/db/client';
import { firstRow, runMigrations } from '@/db/migrate';
import journal from '@/db/migrations/meta/_journal.json';
import { refreshAllRollups } from '@/db/rollups/refresh';
import { seedDemo } from '@/db/seed';

/**
 * The two histories P1 compares, in two databases on one server:
 * - 1×: the demo's 90 days, made denser in place to 10k deployments and 100k test cases;
 * - 10×: that same 90-day block repeated ten times back in time (900 days: 100k deployments,
 *   1M test cases, ten times the runs, costs and checks).
 * Each day of the 10× history looks like a day of the 1× one, so a page whose cost depends on
 * the days it shows and not on the history behind them answers in the same time on both.
 */
export const BASE_TARGETS = { deployments: 10_000, testCases: 100_000 } as const;
export const HISTORY_COPIES = 10;
const BLOCK_DAYS = 90;
/** GitHub run ids are near 10^10 today; a copy's id adds a multiple of this. */
const COPIED_RUN_ID_STEP = 1_000_000_000_000;
/** Bumped when the datasets' recipe changes. */
const RECIPE = 3;

/** A dataset is rebuilt when its recipe, the schema or the demo it starts from changed. */
function datasetVersion(): string {
  const demo = createHash('sha256');
  for (const file of readdirSync('lib/demo').sort())
    demo.update(readFileSync(join('lib/demo', file)));
  return `${RECIPE}.${journal.entries.length}.${demo.digest('hex').slice(0, 12)}`;
}

export interface Dataset {
  label: '1×' | '10×';
  url: string;
  handle: DatabaseHandle;
}

async function scalar(db: DatabaseHandle['db'], query: SQL): Promise<number> {
  return Number(firstRow(await db.execute(query))?.value ?? 0);
}

/** Copies are new commits (salted by the copy's suffix): a commit deployed once in real history stays deployed once here. */
function copiedSha(column: string, salt: string): SQL {
  return sql`substr(md5(${sql.raw(column)} || ${salt}) || md5(${salt} || ${sql.raw(column)}), 1, 40)`;
}

function withDatabase(url: string, name: string): string {
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}

async function admin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function currentVersion(url: string, name: string): Promise<string | null> {
  const exists = await admin(url, (client) =>
    client.query('select 1 from pg_database where datname = $1', [name]),
  );
  if (exists.rowCount === 0) return null;
  const client = new pg.Client({ connectionString: withDatabase(url, name) });
  await client.connect();
  try {
    const row = await client.query('select version from bench_dataset').catch(() => null);
    return row?.rows[0]?.version ?? null;
  } finally {
    await client.end();
  }
}

/**
 * Opens both datasets, building them when missing or made by another recipe or schema
 * (`--fresh` rebuilds anyway). Building takes a few minutes; later runs reuse them.
 */
export async function prepareDatasets(baseUrl: string, fresh: boolean): Promise<Dataset[]> {
  const name = new URL(baseUrl).pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unusable bench database name: ${name}`);
  const names = { base: `${name}_1x`, tenfold: `${name}_10x` };
  const version = datasetVersion();
  const stale = async (database: string) =>
    fresh || (await currentVersion(baseUrl, database)) !== version;
  if (await stale(names.base)) {
    await recreate(baseUrl, names.base);
    await buildBase(withDatabase(baseUrl, names.base), version);
  }
  if (await stale(names.tenfold)) {
    await recreate(baseUrl, names.tenfold, names.base);
    await extendHistory(withDatabase(baseUrl, names.tenfold), version);
  }
  return [
    { label: '1×', url: withDatabase(baseUrl, names.base) },
    { label: '10×', url: withDatabase(baseUrl, names.tenfold) },
  ].map((dataset) => ({
    ...dataset,
    label: dataset.label as Dataset['label'],
    handle: openDatabase({ url: dataset.url, driver: 'postgres' }),
  }));
}

async function recreate(url: string, name: string, template?: string): Promise<void> {
  console.log(`building ${name}${template ? ` from ${template}` : ''}…`);
  await admin(url, async (client) => {
    await client.query(`drop database if exists ${name} with (force)`);
    await client.query(`create database ${name}${template ? ` template ${template}` : ''}`);
  });
}

async function finish(handle: DatabaseHandle, version: string): Promise<void> {
  const projects = await handle.db.execute(sql`select id from projects`);
  for (const row of (projects as unknown as { rows: { id: number }[] }).rows) {
    await refreshAllRollups(handle.db, Number(row.id));
  }
  await handle.db.execute(sql`drop table if exists bench_dataset`);
  await handle.db.execute(sql`create table bench_dataset (version text not null)`);
  await handle.db.execute(sql`insert into bench_dataset values (${version})`);
  await handle.db.execute(sql`vacuum analyze`);
}

/** The demo, denser: copies of its deployments and test runs a little earlier the same days. */
async function buildBase(url: string, version: string): Promise<void> {
  const handle = openDatabase({ url, driver: 'postgres' });
  try {
    await runMigrations(handle);
    await seedDemo(handle.db);
    const { db } = handle;
    const deployments = await scalar(db, sql`select count(*) as value from deployments`);
    for (let copy = 1; copy * deployments < BASE_TARGETS.deployments; copy += 1) {
      const shift = sql`${copy * 37} * interval '1 minute'`;
      await db.execute(sql`
        insert into deployments (project_id, environment_id, pull_request_id, vercel_id, url, target,
          state, source, git_branch, commit_sha, commit_message, commit_author, error_message,
          provider_created_at, build_started_at, ready_at, build_duration_ms, provider_updated_at)
        select project_id, environment_id, pull_request_id, vercel_id || ${`~d${copy}`}, url, target,
          state, source, git_branch, ${copiedSha('commit_sha', `~d${copy}`)}, commit_message,
          commit_author, error_message, provider_created_at - ${shift}, build_started_at - ${shift},
          ready_at - ${shift}, build_duration_ms, provider_updated_at
        from deployments where vercel_id not like '%~d%'
        limit ${BASE_TARGETS.deployments - deployments * copy}`);
    }
    const testCases = await scalar(db, sql`select count(*) as value from test_cases`);
    // At least the target: the 10× history then holds 1M+ test cases.
    const runCopies = Math.ceil(BASE_TARGETS.testCases / testCases) - 1;
    for (let copy = 1; copy <= runCopies; copy += 1) {
      await copyTestRuns(db, `~d${copy}`, sql`${copy * 41} * interval '1 minute'`, '~d');
    }
    // Every active environment is checked every 5 minutes over the whole 90 days.
    await db.execute(sql`
      insert into uptime_checks (environment_id, checked_at, ok, status_code, latency_ms)
      select e.id, at, true, 200, (60 + 140 * random() ^ 3)::int
      from environments e,
        generate_series(date_trunc('day', now()) - interval '${sql.raw(String(BLOCK_DAYS - 1))} days',
          now(), interval '5 minutes') at
      where e.status = 'active'
      on conflict do nothing`);
    await finish(handle, version);
  } finally {
    await handle.close();
  }
}

async function copyTestRuns(
  db: DatabaseHandle['db'],
  suffix: string,
  shift: SQL,
  copiedMarker: string,
): Promise<void> {
  await db.execute(sql`
    insert into test_runs (project_id, ci_run_id, environment_id, deployment_id, pull_request_id,
      external_id, suite, status, commit_sha, branch, started_at, duration_ms, total, passed,
      failed, skipped, flaky, coverage_pct)
    select project_id, ci_run_id, environment_id, deployment_id, pull_request_id,
      external_id || ${suffix}, suite, status, ${copiedSha('commit_sha', suffix)}, branch,
      started_at - ${shift}, duration_ms, total, passed, failed, skipped, flaky, coverage_pct
    from test_runs where external_id not like ${`%${copiedMarker}%`}`);
  await db.execute(sql`
    insert into test_cases (test_run_id, suite, file, name, status, duration_ms, retries,
      failure_message)
    select copied.id, c.suite, c.file, c.name, c.status, c.duration_ms, c.retries, c.failure_message
    from test_cases c
    join test_runs original on original.id = c.test_run_id
      and original.external_id not like ${`%${copiedMarker}%`}
    join test_runs copied on copied.external_id = original.external_id || ${suffix}`);
}

/** The 1× block, repeated further and further back: same days, ten times the history. */
async function extendHistory(url: string, version: string): Promise<void> {
  const handle = openDatabase({ url, driver: 'postgres' });
  try {
    const { db } = handle;
    for (let copy = 1; copy < HISTORY_COPIES; copy += 1) {
      const days = copy * BLOCK_DAYS;
      const shift = sql`${days} * interval '1 day'`;
      const suffix = `~h${copy}`;
      await db.execute(sql`
        insert into deployments (project_id, environment_id, pull_request_id, vercel_id, url, target,
          state, source, git_branch, commit_sha, commit_message, commit_author, error_message,
          provider_created_at, build_started_at, ready_at, build_duration_ms, provider_updated_at)
        select project_id, environment_id, pull_request_id, vercel_id || ${suffix}, url, target,
          state, source, git_branch, ${copiedSha('commit_sha', suffix)}, commit_message,
          commit_author, error_message, provider_created_at - ${shift}, build_started_at - ${shift},
          ready_at - ${shift}, build_duration_ms, provider_updated_at - ${shift}
        from deployments where vercel_id not like '%~h%'`);
      await copyTestRuns(db, suffix, shift, '~h');
      await db.execute(sql`
        insert into ci_runs (project_id, github_run_id, pull_request_id, workflow_name, event,
          head_branch, head_sha, status, conclusion, run_attempt, html_url, provider_created_at,
          started_at, completed_at, queue_ms, duration_ms, reports_read_at, report_error,
          provider_updated_at)
        select project_id, github_run_id + ${copy} * ${COPIED_RUN_ID_STEP}::bigint, pull_request_id,
          workflow_name, event, head_branch, ${copiedSha('head_sha', suffix)}, status,
          conclusion, run_attempt, html_url, provider_created_at - ${shift}, started_at - ${shift},
          completed_at - ${shift}, queue_ms, duration_ms, reports_read_at - ${shift}, report_error,
          provider_updated_at - ${shift}
        from ci_runs where github_run_id < ${COPIED_RUN_ID_STEP}::bigint`);
      await db.execute(sql`
        insert into cost_samples (project_id, day, provider, metric, environment_id,
          pull_request_id, quantity, unit, amount_usd, source)
        select project_id, day - ${days}::int, provider, metric, environment_id, pull_request_id,
          quantity, unit, amount_usd, source
        from cost_samples where day > current_date - ${BLOCK_DAYS}::int
        on conflict do nothing`);
      await db.execute(sql`
        insert into uptime_checks (environment_id, checked_at, ok, status_code, latency_ms, error)
        select environment_id, checked_at - ${shift}, ok, status_code, latency_ms, error
        from uptime_checks where checked_at > now() - interval '${sql.raw(String(BLOCK_DAYS))} days'
        on conflict do nothing`);
    }
    await finish(handle, version);
  } finally {
    await handle.close();
  }
}

export async function datasetSizes(handle: DatabaseHandle): Promise<string> {
  const tables = ['deployments', 'test_cases', 'ci_runs', 'cost_samples', 'uptime_checks'];
  const sizes: string[] = [];
  for (const table of tables) {
    const rows = await scalar(handle.db, sql.raw(`select count(*) as value from ${table}`));
    sizes.push(`${table} ${rows.toLocaleString('en-US')}`);
  }
  const span = firstRow(
    await handle.db.execute(
      sql`select (max(provider_created_at)::date - min(provider_created_at)::date) as days from deployments`,
    ),
  );
  return `${sizes.join(', ')}; deployments span ${span?.days} days`;
}
