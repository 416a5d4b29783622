import { createHmac, randomBytes } from 'node:crypto';
import { eq, inArray, like } from 'drizzle-orm';
import type { Database, DatabaseHandle } from '@/db/client';
import {
  ciRuns,
  environments,
  type Project,
  providerEtags,
  pullRequests,
  syncRuns,
  webhookDeliveries,
} from '@/db/schema';
import { deleteProject, upsertProject } from '@/db/writes';
import { createGitHubClient } from '@/lib/providers/github/client';
import { DatabaseEtagCache } from '@/lib/wiring/database-etag-cache';
import { githubPullRequestsJob } from '@/lib/sync/github-pull-requests';
import { runSync } from '@/lib/sync/run-sync';
import { startGitHubSandbox } from '@/sandbox/github/emulator';
import { exampleOf } from '@/sandbox/github/examples';
import { percentile, runClosedLoop } from './load';

/**
 * The ingest path's throughput: signed GitHub deliveries (pull_request and workflow_run payloads
 * from @octokit/webhooks-examples, each with its own delivery id and object) through the real
 * route handler, beside the rate of inserting the same rows straight with drizzle, one delivery's
 * rows at a time as the webhook path writes them; and the API calls a sync spends when nothing
 * changed. Prints figures; asserts nothing.
 */

export interface IngestBenchOptions {
  /** Measured deliveries; half pull_request, half workflow_run. */
  deliveries?: number;
  concurrency?: number;
  /** Open pull requests in the sandbox for the no-change sync. */
  openPullRequests?: number;
  /** The GitHub sandbox's port; 0 for any free one. */
  githubPort?: number;
  log?: (line: string) => void;
}

export interface IngestFigures {
  deliveries: number;
  webhook: PathFigures;
  raw: PathFigures;
  /** webhook deliveries/s ÷ raw deliveries/s. */
  ratio: number;
  sync: { openPullRequests: number; fillCalls: number; noChangeCalls: number; notModified: number };
}

interface PathFigures {
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

const SECRET = 'bench-ingest-webhook-secret';
const TOKEN = 'bench-ingest-token';
/** Raw copies of workflow runs need run ids of their own (github_run_id is unique). */
const RAW_RUN_ID_OFFSET = 1_000_000_000_000;
const silent = { warn: () => {}, error: () => {} };

interface Delivery {
  deliveryId: string;
  event: 'pull_request' | 'workflow_run';
  body: string;
  signature: string;
  /** The pull request number or workflow run id the delivery writes. */
  key: number;
}

function signed(deliveryId: string, event: Delivery['event'], payload: unknown, key: number) {
  const body = JSON.stringify(payload);
  const signature = `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;
  return { deliveryId, event, body, signature, key };
}

/**
 * Realistic payloads, each a new object: pull request `numberBase + n`, workflow run
 * `runBase + n`.
 */
function buildDeliveries(
  tag: string,
  repository: string,
  count: number,
  { numberBase, runBase }: { numberBase: number; runBase: number },
) {
  const deliveries: Delivery[] = [];
  const at = Date.now() - 60 * 60_000;
  for (let n = 1; n <= count; n++) {
    const time = new Date(at + n * 1000).toISOString();
    if (n % 2) {
      const payload = exampleOf('pull_request', 'opened');
      Object.assign(payload.repository as object, { full_name: repository });
      Object.assign(payload.pull_request as object, {
        number: numberBase + n,
        created_at: time,
        updated_at: time,
        head: { ...(payload.pull_request as { head: object }).head, ref: `bench-${n}` },
      });
      deliveries.push(signed(`${tag}-${n}`, 'pull_request', payload, numberBase + n));
    } else {
      const payload = exampleOf('workflow_run', 'completed');
      Object.assign(payload.repository as object, { full_name: repository });
      Object.assign(payload.workflow_run as object, {
        id: runBase + n,
        created_at: time,
        updated_at: time,
        run_started_at: time,
        pull_requests: [],
      });
      deliveries.push(signed(`${tag}-${n}`, 'workflow_run', payload, runBase + n));
    }
  }
  return deliveries;
}

function request(delivery: Delivery): Request {
  return new Request('http://127.0.0.1/api/webhooks/github', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-github-event': delivery.event,
      'x-github-delivery': delivery.deliveryId,
      'x-hub-signature-256': delivery.signature,
    },
    body: delivery.body,
  });
}

/** Runs `work` once per item, `concurrency` at a time, timing each. */
async function timed<Item>(
  items: readonly Item[],
  concurrency: number,
  work: (item: Item) => Promise<void>,
): Promise<PathFigures> {
  let next = 0;
  const started = performance.now();
  const result = await runClosedLoop(() => work(items[next++]!), {
    concurrency,
    requests: items.length,
  });
  const seconds = (performance.now() - started) / 1000;
  return {
    perSecond: result.samples.length / seconds,
    p50: percentile(result.samples, 0.5),
    p99: percentile(result.samples, 0.99),
    errors: result.errors,
  };
}

/** The route handler reads the process-wide database and the webhook secret. */
function pointRouteAt(handle: DatabaseHandle): () => void {
  const cache = globalThis as unknown as { envboardDatabase?: DatabaseHandle };
  const saved = { database: cache.envboardDatabase, secret: process.env.GITHUB_WEBHOOK_SECRET };
  cache.envboardDatabase = handle;
  process.env.GITHUB_WEBHOOK_SECRET = SECRET;
  return () => {
    cache.envboardDatabase = saved.database;
    if (saved.secret === undefined) delete process.env.GITHUB_WEBHOOK_SECRET;
    else process.env.GITHUB_WEBHOOK_SECRET = saved.secret;
  };
}

async function benchProject(db: Database, slug: string, repository: string): Promise<Project> {
  const [owner, repo] = repository.split('/') as [string, string];
  return upsertProject(db, { slug, name: slug, githubOwner: owner, githubRepo: repo });
}

/** What the webhook path wrote for each delivery, to insert again straight. */
async function writtenRows(db: Database, project: Project) {
  const pulls = await db.select().from(pullRequests).where(eq(pullRequests.projectId, project.id));
  const previews = await db
    .select()
    .from(environments)
    .where(eq(environments.projectId, project.id));
  const runs = await db.select().from(ciRuns).where(eq(ciRuns.projectId, project.id));
  return {
    pulls: new Map(pulls.map((row) => [row.number, row])),
    previews: new Map(previews.map((row) => [row.pullRequestId, row])),
    runs: new Map(runs.map((row) => [row.githubRunId, row])),
  };
}

/** Drops the generated id and audit times so a copy inserts as a new row. */
function copy<Row extends { id: number; createdAt: Date; updatedAt: Date }>(row: Row) {
  const { id: _id, createdAt: _created, updatedAt: _updated, ...rest } = row;
  return rest;
}

async function webhookPath(handle: DatabaseHandle, deliveries: Delivery[], concurrency: number) {
  const { POST } = await import('@/app/api/webhooks/github/route');
  const restore = pointRouteAt(handle);
  try {
    return await timed(deliveries, concurrency, async (delivery) => {
      const response = await POST(request(delivery));
      const answer = (await response.json()) as { status?: string };
      if (response.status !== 200 || answer.status !== 'applied') {
        throw new Error(`${delivery.deliveryId}: ${response.status} ${JSON.stringify(answer)}`);
      }
    });
  } finally {
    restore();
  }
}

async function rawPath(
  db: Database,
  source: Project,
  target: Project,
  deliveries: Delivery[],
  concurrency: number,
) {
  const rows = await writtenRows(db, source);
  const stored = await db
    .select()
    .from(webhookDeliveries)
    .where(
      inArray(
        webhookDeliveries.deliveryId,
        deliveries.map((delivery) => delivery.deliveryId),
      ),
    );
  const deliveryRows = new Map(stored.map((row) => [row.deliveryId, row]));
  return timed(deliveries, concurrency, async (delivery) => {
    const original = deliveryRows.get(delivery.deliveryId)!;
    await db
      .insert(webhookDeliveries)
      .values({ ...copy(original), deliveryId: `${original.deliveryId}-raw` });
    if (delivery.event === 'pull_request') {
      const pull = rows.pulls.get(delivery.key)!;
      const [inserted] = await db
        .insert(pullRequests)
        .values({ ...copy(pull), projectId: target.id })
        .returning({ id: pullRequests.id });
      const preview = rows.previews.get(pull.id);
      if (preview) {
        await db
          .insert(environments)
          .values({ ...copy(preview), projectId: target.id, pullRequestId: inserted!.id });
      }
    } else {
      const run = rows.runs.get(delivery.key)!;
      await db.insert(ciRuns).values({
        ...copy(run),
        projectId: target.id,
        githubRunId: run.githubRunId + RAW_RUN_ID_OFFSET,
        pullRequestId: null,
      });
    }
  });
}

/** API calls of a sync of `open` open pull requests: a first one fills, the second is measured. */
async function noChangeSync(db: Database, tag: string, open: number, port: number) {
  const repository = `bench/sync-${tag}`;
  const sandbox = await startGitHubSandbox({ repositories: [repository], token: TOKEN, port });
  const project = await benchProject(db, `${tag}-sync`, repository);
  const runIds: number[] = [];
  try {
    const at = new Date(Date.now() - 60 * 60_000);
    for (let n = 1; n <= open; n++) {
      sandbox.change.openPullRequest(repository, {
        head: `feature-${n}`,
        title: `Change ${n}`,
        at,
      });
    }
    // A new client per run, as each cron invocation has; the ETags live in the database.
    const client = () =>
      createGitHubClient({
        baseUrl: sandbox.baseUrl,
        token: TOKEN,
        owner: 'bench',
        repo: `sync-${tag}`,
        etagCache: new DatabaseEtagCache(db),
        log: silent,
      });
    const fill = await runSync(db, githubPullRequestsJob({ github: client() }, project));
    const github = client();
    const measured = await runSync(db, githubPullRequestsJob({ github }, project));
    runIds.push(fill.id, measured.id);
    if (measured.status !== 'succeeded') {
      throw new Error(`the no-change sync failed: ${measured.errors.join('; ')}`);
    }
    return {
      openPullRequests: open,
      fillCalls: fill.apiCalls,
      noChangeCalls: measured.apiCalls,
      notModified: github.usage().notModified,
    };
  } finally {
    await db.delete(syncRuns).where(inArray(syncRuns.id, runIds.length ? runIds : [-1]));
    await db.delete(providerEtags).where(like(providerEtags.key, `%/bench/sync-${tag}/%`));
    await deleteProject(db, project.slug);
    await sandbox.close();
  }
}

const ms = (value: number) => value.toFixed(1).padStart(8);
const rate = (value: number) => value.toFixed(1).padStart(12);

/**
 * Measures and prints the ingest figures on `handle` (a real PostgreSQL database). Everything it
 * writes lives in projects and deliveries of its own, removed before it returns.
 */
export async function benchIngest(
  handle: DatabaseHandle,
  options: IngestBenchOptions = {},
): Promise<IngestFigures> {
  const count = options.deliveries ?? 1000;
  const concurrency = options.concurrency ?? 10;
  const log = options.log ?? console.log;
  const db = handle.db;
  const tag = `bench-ingest-${randomBytes(4).toString('hex')}`;
  const runBase = Math.floor(Date.now() / 1000) * 1000;
  const webhookRepo = `bench/${tag}`;
  const source = await benchProject(db, `${tag}-webhook`, webhookRepo);
  const target = await benchProject(db, `${tag}-raw`, `bench/${tag}-raw`);
  try {
    // Warm-up (module load, JIT, the pool's connections), not measured or copied.
    const warmup = buildDeliveries(`${tag}-warm`, webhookRepo, 20, {
      numberBase: 500_000,
      runBase: runBase + 500_000,
    });
    await webhookPath(handle, warmup, concurrency);

    const deliveries = buildDeliveries(tag, webhookRepo, count, { numberBase: 0, runBase });
    const webhook = await webhookPath(handle, deliveries, concurrency);
    const raw = await rawPath(db, source, target, deliveries, concurrency);
    const ratio = webhook.perSecond / raw.perSecond;

    log(
      `\nwebhook ingest: ${count} signed GitHub deliveries (pull_request.opened, workflow_run.completed), ${concurrency} at a time`,
    );
    log('path                                   deliveries/s      p50      p99  errors');
    for (const [name, figures] of [
      ['route handler (verify, store, apply)', webhook],
      ['raw inserts of the same rows', raw],
    ] as const) {
      log(
        `${name.padEnd(38)}${rate(figures.perSecond)} ${ms(figures.p50)} ${ms(figures.p99)}  ${figures.errors}`,
      );
    }
    log(
      `P4, webhook ÷ raw: ${(ratio * 100).toFixed(1)} %  (budget ≥ 70 %)  ${ratio >= 0.7 ? 'ok' : 'UNDER'}`,
    );

    const sync = await noChangeSync(
      db,
      tag,
      options.openPullRequests ?? 50,
      options.githubPort ?? 0,
    );
    log(
      `\nGitHub pull request sync, ${sync.openPullRequests} open pull requests: first sync ${sync.fillCalls} API calls; sync with no change ${sync.noChangeCalls} API calls (${sync.notModified} answered 304 Not Modified, free of rate limit)`,
    );
    return { deliveries: count, webhook, raw, ratio, sync };
  } finally {
    await db.delete(webhookDeliveries).where(like(webhookDeliveries.deliveryId, `${tag}-%`));
    await deleteProject(db, source.slug);
    // Pull requests, environments and CI runs go with their project (on delete cascade).
    await deleteProject(db, target.slug);
  }
}
