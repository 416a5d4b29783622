import { sql } from 'drizzle-orm';
import { openDatabase } from '@/db/client';
import { firstRow, runMigrations } from '@/db/migrate';
import { getCurrentProject } from '@/db/queries/project';
import { firstLoadJsBytes } from './first-load-js';
import { benchOperations } from './operations';
import { benchIngest } from './ingest';
import { datasetSizes, seedLargeDataset } from './large-dataset';
import {
  closeLoadConnections,
  fetchFully,
  type LoadResult,
  median,
  percentile,
  runClosedLoop,
} from './load';
import { benchRoutes } from './routes';
import { ensureDatabase } from './database';
import { startProductionServer } from './server';
import { BENCH_AUTH_SECRET, benchSession } from './session';

const CONCURRENCY = 10;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
/** Each route's page, SQL and floor figures are the median over this many trials. */
const TRIALS = Number(process.env.BENCH_TRIALS ?? 3);
const PORT = Number(process.env.BENCH_PORT ?? 3300);
const JS_BUDGET_BYTES = 120 * 1024;
const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/envboard_bench';

const ms = (value: number) => value.toFixed(1).padStart(8);

await ensureDatabase(url);
const handle = openDatabase({ url, driver: 'postgres' });
await runMigrations(handle);
console.log('seeding the large dataset (reused when already there)…');
const seedStarted = Date.now();
await seedLargeDataset(handle.db);
// Earlier runs' ingest churn leaves dead rows behind, and a server with autovacuum off (as CI
// machines often run) never clears them: measure on a vacuumed, freshly analyzed database.
await handle.db.execute(sql`vacuum analyze`);
console.log(
  `dataset ready in ${((Date.now() - seedStarted) / 1000).toFixed(0)} s:`,
  await datasetSizes(handle.db),
);

const project = (await getCurrentProject(handle.db))!;
const failedRun = firstRow(
  await handle.db.execute(
    sql`select id from test_runs where status = 'failed' order by started_at desc limit 1`,
  ),
);
const session = await benchSession(handle.db);
const routes = benchRoutes(Number(failedRun?.id), session.githubId);
const signedIn = { cookie: session.cookie };
const server = await startProductionServer(PORT, {
  DATABASE_URL: url,
  NEXTAUTH_SECRET: BENCH_AUTH_SECRET,
  NEXTAUTH_URL: `http://127.0.0.1:${PORT}`,
});

try {
  const load = (path: string) =>
    runClosedLoop(() => fetchFully(server.baseUrl + path, signedIn), {
      concurrency: CONCURRENCY,
      requests: REQUESTS,
    });
  // The floor: a trivial page rendered per request through the same proxy and session check,
  // with no data and no board shell (app/bench-floor/page.bench.tsx).
  const floorPath = '/bench-floor';
  const floorFetch = () => fetchFully(server.baseUrl + floorPath, signedIn);
  await runClosedLoop(floorFetch, { concurrency: CONCURRENCY, requests: 50 });
  const floorJs = await firstLoadJsBytes(server.baseUrl, floorPath, signedIn);
  console.log(
    `\nfirst-load JS of the floor page (framework + root layout, no board code): ${(floorJs / 1024).toFixed(1)} kB gzipped`,
  );

  console.log(
    `\npage and API server time, ${CONCURRENCY} concurrent clients, ${REQUESTS} requests a trial (ms; each figure the median of ${TRIALS} trials, page, SQL and floor in turn)`,
  );
  console.log(
    'route                         p50      p95   sql p95  floor p95   budget  verdict  first-load JS (gz)',
  );
  for (const route of routes) {
    await load(route.path); // warm up: compile caches, connection pool
    const trials: { page: LoadResult; query: LoadResult; floor: LoadResult }[] = [];
    for (let trial = 0; trial < TRIALS; trial += 1) {
      const page = await load(route.path);
      const query = await runClosedLoop(async () => void (await route.sql(handle.db, project)), {
        concurrency: CONCURRENCY,
        requests: REQUESTS,
      });
      const floor = await runClosedLoop(floorFetch, {
        concurrency: CONCURRENCY,
        requests: REQUESTS,
      });
      trials.push({ page, query, floor });
    }
    const medianOf = (pick: (trial: (typeof trials)[number]) => number) => median(trials.map(pick));
    const pageP50 = medianOf((trial) => percentile(trial.page.samples, 0.5));
    const pageP95 = medianOf((trial) => percentile(trial.page.samples, 0.95));
    const sqlP95 = medianOf((trial) => percentile(trial.query.samples, 0.95));
    const floorP95 = medianOf((trial) => percentile(trial.floor.samples, 0.95));
    const errors = trials.reduce((sum, trial) => sum + trial.page.errors + trial.query.errors, 0);
    const budget = 1.5 * (sqlP95 + floorP95);
    const js = route.api
      ? ''
      : `${((await firstLoadJsBytes(server.baseUrl, route.path, signedIn)) / 1024).toFixed(1)} kB`;
    const jsVerdict =
      route.listPage && js
        ? Number.parseFloat(js) * 1024 <= JS_BUDGET_BYTES
          ? ' (ok)'
          : ' (OVER 120 kB)'
        : '';
    console.log(
      `${route.path.padEnd(28)}${ms(pageP50)} ${ms(pageP95)} ${ms(sqlP95)} ${ms(floorP95)} ${ms(budget)}  ${(pageP95 <= budget ? 'ok' : 'OVER').padEnd(7)}  ${js}${jsVerdict}${errors ? `  errors: ${errors}` : ''}`,
    );
  }
  await benchIngest(handle, { concurrency: CONCURRENCY });
  await benchOperations(handle, { iterations: 20 });
} finally {
  closeLoadConnections();
  server.stop();
  await handle.close();
}
