import { trace } from '@opentelemetry/api';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as githubWebhook } from '@/app/api/webhooks/github/route';
import { GET as recoverCron } from '@/app/api/cron/recover/route';
import { insertOperation } from '@/db/writes/operations';
import { requestPromotion, rollback } from '@/lib/operations';
import { runSteps } from '@/lib/operations/runner';
import { captureLogs } from '@/lib/observability/log';
import { runSync } from '@/lib/sync/run-sync';
import { githubPullRequestsJob } from '@/lib/sync/github-pull-requests';
import { neonBranchesJob } from '@/lib/sync/neon-branches';
import { vercelDeploymentsJob } from '@/lib/sync/vercel-deployments';
import { createWorld, stagingRelease, TOKEN, type World } from '../operations/world';
import { githubRequest, GITHUB_SECRET } from '../webhooks/webhook-requests';
import { CRON_SECRET, cronRequest, useCronEnvironment } from '../sync/cron-env';

/**
 * Runs what envboard traces — a webhook delivery, the syncs, an operation's steps, provider calls
 * with a retry and a failure — with a real tracer provider and a captured log stream, and looks
 * for every secret the run had in hand in every span attribute, status and log line.
 */

const DATABASE_PASSWORD = 'db-password-never-logged';
const DATABASE_URL = `postgres://envboard:${DATABASE_PASSWORD}@db.internal.example:5432/envboard`;

const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const lines: string[] = [];
let world: World;
let restoreLogs: () => void;
let restoreEnv: () => void;

beforeAll(async () => {
  trace.setGlobalTracerProvider(provider);
  restoreLogs = captureLogs((_level, line) => lines.push(line));
  world = await createWorld();
  restoreEnv = useCronEnvironment(world.handle, {
    DATABASE_URL,
    GITHUB_WEBHOOK_SECRET: GITHUB_SECRET,
  });

  // A webhook delivery, and one with a forged signature.
  await githubWebhook(githubRequest('ping', { zen: 'Keep it logically awesome.', hook_id: 1 }));
  await githubWebhook(githubRequest('ping', { zen: 'forged' }, { signature: 'sha256=00' }));
  // The syncs, GitHub's first attempt refused by a rate limit so a retry is traced too.
  world.github.faults.rateLimitBurst({ requests: 1, retryAfterSeconds: 1 });
  await runSync(world.db, githubPullRequestsJob(world.clients, world.project));
  await runSync(world.db, vercelDeploymentsJob(world.clients, world.project));
  await runSync(world.db, neonBranchesJob(world.clients, world.project));
  // An operation through its steps, and a step failing with a connection string in its error.
  const releaseManager = world.actor(world.users.release_manager, 'release_manager');
  const production = await world.db.query.environments.findFirst({
    where: (environment, { eq }) => eq(environment.id, world.production.id),
  });
  const good = production!.currentDeploymentId!;
  const bad = await stagingRelease(world);
  await requestPromotion(world.db, world.clients, releaseManager, {
    deploymentId: bad.id,
    reason: 'release',
    idempotencyKey: 'observability-promote',
  });
  await rollback(world.db, world.clients, releaseManager, {
    targetDeploymentId: good,
    reason: 'observability test',
    restoreDatabase: true,
  });
  const { operation } = await insertOperation(world.db, {
    projectId: world.project.id,
    environmentId: world.staging.id,
    kind: 'reseed',
    state: 'running',
    idempotencyKey: 'observability-failing-step',
  });
  await runSteps(
    world.db,
    operation,
    [
      {
        name: 'connect',
        run: async () => {
          throw new Error(`could not connect to ${DATABASE_URL} with token ${TOKEN}`);
        },
      },
    ],
    { now: () => new Date() },
  );
  // A cron route, authorized by the cron secret.
  await recoverCron(cronRequest('/api/cron/recover'));
  await provider.forceFlush();
});

afterAll(async () => {
  restoreEnv?.();
  restoreLogs?.();
  trace.disable();
  await world?.close();
});

const SECRETS = {
  'provider token': TOKEN,
  'webhook secret': GITHUB_SECRET,
  'cron secret': CRON_SECRET,
  'connection string': DATABASE_URL,
  'database password': DATABASE_PASSWORD,
};

function spanText(span: ReadableSpan): string {
  return JSON.stringify({
    name: span.name,
    attributes: span.attributes,
    status: span.status,
    events: span.events,
  });
}

describe('spans and logs', () => {
  it('cover webhook deliveries, sync runs, operation steps and provider calls', () => {
    const names = new Set(exporter.getFinishedSpans().map((span) => span.name));
    expect([...names]).toEqual(
      expect.arrayContaining([
        'webhook.delivery',
        'sync.run',
        'operation.step',
        'provider.request',
      ]),
    );
    const spans = exporter.getFinishedSpans();
    const providerSpans = exporter
      .getFinishedSpans()
      .filter((span) => span.name === 'provider.request');
    expect(new Set(providerSpans.map((span) => span.attributes['envboard.provider']))).toEqual(
      new Set(['github', 'vercel', 'neon']),
    );
    expect(providerSpans).toContainEqual(
      expect.objectContaining({
        attributes: expect.objectContaining({
          'envboard.provider': 'github',
          'envboard.provider.endpoint': 'GET /repos/acme/shop/pulls',
          'envboard.provider.attempt': 2,
          'http.response.status_code': 200,
        }),
      }),
    );
    expect(spans.map((span) => span.attributes['envboard.provider.endpoint'])).toContain(
      'POST /repos/{owner}/{repo}/statuses/{sha}',
    );
    expect(lines.map((line) => JSON.parse(line).message)).toEqual(
      expect.arrayContaining(['webhook delivery', 'sync run', 'operation step failed']),
    );
  });

  it.each(Object.entries(SECRETS))('never carry the %s', (_what, secret) => {
    for (const span of exporter.getFinishedSpans()) expect(spanText(span)).not.toContain(secret);
    for (const line of lines) expect(line).not.toContain(secret);
  });

  it('write each log line as JSON with a level and a message', () => {
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(JSON.parse(line)).toMatchObject({
        level: expect.stringMatching(/^(info|warn|error)$/),
        message: expect.any(String),
      });
    }
  });
});
