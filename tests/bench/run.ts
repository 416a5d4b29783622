import { sql } from 'drizzle-orm';
import { firstRow } from '@/db/migrate';
import { bareNextFirstLoadBytes } from './bare-next';
import { datasetSizes, prepareDatasets } from './datasets';
import { firstLoadJs } from './first-load-js';
import { benchIngest } from './ingest';
import { closeLoadConnections, fetchFully, median, percentile, runClosedLoop } from './load';
import { benchOperations } from './operations';
import { processGroupCpuMs } from './process-cpu';
import { benchRoutes } from './routes';
import { startProductionServer } from './server';
import { BENCH_AUTH_SECRET, benchSession } from './session';

/*
 * envboard's performance budgets, each a ratio measured in this one run:
 * - P1: every page and route answers with p95 at 10× the history ≤ 1.2 × its p95 at 1×;
 * - P2: a page's server CPU per request ≤ 2 × the trivial page's;
 * - P3: a list page's first-load JS ≤ a bare Next.js page + 15 kB gzipped, with no chart code;
 * - P4–P6: webhook ingest against raw inserts, the quiet sync, operation overhead.
 */
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 100);
/** Each p95 is the median over this many trials, 1× and 10× taking turns. */
const TRIALS = Number(process.env.BENCH_TRIALS ?? 3);
const PORT = Number(process.env.BENCH_PORT ?? 3300);
const P1_RATIO = 1.2;
const P2_RATIO = 2;
const P3_HEADROOM_BYTES = 15 * 1024;
/** `BENCH_ROUTES=/dora,/costs` measures P1 and P2 on the routes whose path holds one of these. */
const onlyRoutes = process.env.BENCH_ROUTES?.split(',').filter(Boolean);
const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/envboard_bench';

const ms = (value: number) => value.toFixed(1).padStart(8);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const verdict = (ok: boolean) => (ok ? 'ok' : 'OVER');

console.log('preparing the 1× and 10× datasets (reused when already built)…');
const started = Date.now();
const datasets = await prepareDatasets(url, process.argv.includes('--fresh'));
console.log(`datasets ready in ${((Date.now() - started) / 1000).toFixed(0)} s`);
for (const dataset of datasets)
  console.log(`  ${dataset.label}: ${await datasetSizes(dataset.handle)}`);
const [base, tenfold] = datasets as [(typeof datasets)[0], (typeof datasets)[0]];

const failedRun = firstRow(
  await base.handle.db.execute(
    sql`select id from test_runs where status = 'failed' order by started_at desc limit 1`,
  ),
);
const session = await benchSession(base.handle.db);
const signedIn = { cookie: session.cookie };
const routes = benchRoutes(Number(failedRun?.id));
const serverEnv = (databaseUrl: string, port: number) => ({
  DATABASE_URL: databaseUrl,
  NEXTAUTH_SECRET: BENCH_AUTH_SECRET,
  // Production refuses to start without the key alert channels are encrypted with.
  ENVBOARD_ENCRYPTION_KEY: Buffer.alloc(32, 0xbe).toString('base64'),
  NEXTAUTH_URL: `http://127.0.0.1:${port}`,
});
const servers = [
  await startProductionServer(PORT, serverEnv(base.url, PORT)),
  await startProductionServer(PORT + 1, serverEnv(tenfold.url, PORT + 1)),
] as const;

try {
  /** One load of `path`: its latency samples and the server's CPU per request. */
  const load = async (server: (typeof servers)[number], path: string) => {
    const cpuBefore = processGroupCpuMs(server.groupId);
    const result = await runClosedLoop(() => fetchFully(server.baseUrl + path, signedIn), {
      concurrency: CONCURRENCY,
      requests: REQUESTS,
    });
    const cpuPerRequest = (processGroupCpuMs(server.groupId) - cpuBefore) / REQUESTS;
    return { p95: percentile(result.samples, 0.95), cpuPerRequest, errors: result.errors };
  };
  const measure = async (path: string) => {
    await load(servers[0], path); // warm up: compile caches, connection pools, plans
    await load(servers[1], path);
    const trials = [];
    for (let trial = 0; trial < TRIALS; trial += 1) {
      trials.push({ base: await load(servers[0], path), tenfold: await load(servers[1], path) });
    }
    return {
      baseP95: median(trials.map((trial) => trial.base.p95)),
      tenfoldP95: median(trials.map((trial) => trial.tenfold.p95)),
      cpu: median(trials.map((trial) => trial.base.cpuPerRequest)),
      errors: trials.reduce((sum, trial) => sum + trial.base.errors + trial.tenfold.errors, 0),
    };
  };

  const floor = await measure('/bench-floor');
  console.log(
    `\nP1 and P2: ${CONCURRENCY} concurrent clients, ${REQUESTS} requests a trial, median of ${TRIALS} trials (ms)`,
  );
  console.log(
    `trivial page /bench-floor: p95 ${floor.baseP95.toFixed(1)} (1×) ${floor.tenfoldP95.toFixed(1)} (10×), CPU ${floor.cpu.toFixed(2)} ms a request`,
  );
  console.log(
    'route                               p95 1×  p95 10×   ratio  P1     CPU/req  × floor  P2',
  );
  const p1Misses: string[] = [];
  const p2Misses: string[] = [];
  const measured = onlyRoutes
    ? routes.filter((route) => onlyRoutes.some((part) => route.path.includes(part)))
    : routes;
  for (const route of measured) {
    const figures = await measure(route.path);
    const ratio = figures.tenfoldP95 / figures.baseP95;
    const cpuRatio = figures.cpu / floor.cpu;
    if (ratio > P1_RATIO) p1Misses.push(route.path);
    if (cpuRatio > P2_RATIO) p2Misses.push(route.path);
    console.log(
      `${route.path.padEnd(34)}${ms(figures.baseP95)} ${ms(figures.tenfoldP95)} ${ratio.toFixed(2).padStart(7)}  ${verdict(ratio <= P1_RATIO).padEnd(5)} ${figures.cpu.toFixed(2).padStart(8)} ${cpuRatio.toFixed(2).padStart(8)}  ${verdict(cpuRatio <= P2_RATIO)}${figures.errors ? `  errors: ${figures.errors}` : ''}`,
    );
  }
  console.log(
    `P1 (10× ≤ ${P1_RATIO} × 1×): ${measured.length - p1Misses.length}/${measured.length} routes${p1Misses.length ? `; over: ${p1Misses.join(', ')}` : ''}`,
  );
  console.log(
    `P2 (CPU ≤ ${P2_RATIO} × trivial page): ${measured.length - p2Misses.length}/${measured.length} routes${p2Misses.length ? `; over: ${p2Misses.join(', ')}` : ''}`,
  );

  const bare = await bareNextFirstLoadBytes(PORT + 2);
  console.log(
    `\nP3: first-load JS, gzipped; bare Next.js page (root layout + one dynamic page, built now): ${kb(bare)}, budget ${kb(bare + P3_HEADROOM_BYTES)}`,
  );
  console.log('page                                 first load   P3    chart code');
  for (const route of routes.filter((item) => item.kind !== 'api' && item.kind !== 'metrics')) {
    const js = await firstLoadJs(servers[0].baseUrl, route.path, signedIn);
    const list = route.kind === 'list';
    const p3 = list ? verdict(js.bytes <= bare + P3_HEADROOM_BYTES && !js.chartCode) : '—';
    console.log(
      `${route.path.padEnd(34)}${kb(js.bytes).padStart(13)}   ${p3.padEnd(5)} ${js.chartCode ? 'PRESENT' : 'absent'}`,
    );
  }

  await benchIngest(base.handle, { concurrency: 10 });
  await benchOperations(base.handle, { iterations: 20 });
} finally {
  closeLoadConnections();
  for (const server of servers) server.stop();
  for (const dataset of datasets) await dataset.handle.close();
}
