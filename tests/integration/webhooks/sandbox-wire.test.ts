import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { POST as githubWebhook } from '@/app/api/webhooks/github/route';
import { POST as vercelWebhook } from '@/app/api/webhooks/vercel/route';
import type { DatabaseHandle } from '@/db/client';
import {
  ciRuns,
  deployments,
  type Environment,
  environments,
  type Project,
  pullRequests,
  webhookDeliveries,
} from '@/db/schema';
import { type GitHubSandbox, startGitHubSandbox } from '@/sandbox/github/emulator';
import { startVercelSandbox, type VercelSandbox } from '@/sandbox/vercel';
import { createEnvironment, createProject } from '../../support/factories';
import { createTestDatabase, currentTestDriver } from '../../support/test-database';
import { type RouteReceiver, startRouteReceiver } from '../sync/webhook-receiver';
import { GITHUB_SECRET, useForRoutes, VERCEL_SECRET } from './webhook-requests';

/**
 * The ports this file's servers listen on — the route receiver, then the two sandboxes — three per
 * database driver, since the integration projects of one run may run this file side by side.
 */
const FIRST_PORT = 3101 + { pglite: 0, postgres: 3, neon: 6 }[currentTestDriver()];
const RECEIVER_PORT = FIRST_PORT;
const GITHUB_PORT = FIRST_PORT + 1;
const VERCEL_PORT = FIRST_PORT + 2;

let handle: DatabaseHandle;
let restore: () => void;
let receiver: RouteReceiver;
let githubSandbox: GitHubSandbox;
let vercelSandbox: VercelSandbox;
let project: Project;
let production: Environment;
const db = () => handle.db;

beforeAll(async () => {
  handle = await createTestDatabase();
  restore = useForRoutes(handle);
  project = await createProject(db(), {
    githubOwner: 'acme',
    githubRepo: 'shop',
    vercelProjectId: 'prj_shop',
  });
  production = await createEnvironment(db(), project, { kind: 'production', slug: 'production' });
  receiver = await startRouteReceiver(RECEIVER_PORT, {
    '/api/webhooks/github': githubWebhook,
    '/api/webhooks/vercel': vercelWebhook,
  });
  githubSandbox = await startGitHubSandbox({
    port: GITHUB_PORT,
    repositories: ['acme/shop'],
    webhooks: { url: receiver.url('/api/webhooks/github'), secret: GITHUB_SECRET },
  });
  vercelSandbox = await startVercelSandbox({
    port: VERCEL_PORT,
    token: 'vercel-token',
    webhookSecret: VERCEL_SECRET,
    webhookTarget: receiver.url('/api/webhooks/vercel'),
  });
  vercelSandbox.store.addProject({ id: 'prj_shop', name: 'shop' });
});
afterAll(async () => {
  await githubSandbox?.close();
  await vercelSandbox?.close();
  await receiver?.close();
  restore?.();
  await handle?.close();
});

const statuses = (attempts: { status?: number; error?: string }[]) =>
  attempts.map((attempt) => attempt.status ?? attempt.error);

describe('webhooks sent by the sandboxes over HTTP', () => {
  let number: number;

  test('GitHub: a pull request, its push and a CI run are stored; each duplicate is a no-op', async () => {
    const pr = githubSandbox.change.openPullRequest('acme/shop', {
      head: 'feature/a',
      title: 'Add A',
    });
    number = pr.number;
    const run = githubSandbox.change.startWorkflowRun('acme/shop', {
      branch: 'feature/a',
      jobs: ['unit', 'e2e'],
      // Queued a minute ago, so the 30 s in the queue fits before now.
      at: new Date(Date.now() - 60_000),
    });
    githubSandbox.change.completeWorkflowRun('acme/shop', run.id, { queuedMs: 30_000 });
    githubSandbox.webhooks.configure({ duplicateRate: 1 });
    const attempts = await githubSandbox.webhooks.flush();
    githubSandbox.webhooks.configure({ duplicateRate: 0 });

    expect(attempts.length).toBeGreaterThan(8);
    for (const attempt of attempts) expect([200, 202]).toContain(attempt.status);
    const stored = await db().select().from(webhookDeliveries);
    expect(stored.length).toBe(attempts.length / 2);
    expect(stored.filter((delivery) => delivery.status === 'applied').length).toBeGreaterThan(0);
    expect(stored.every((delivery) => ['applied', 'ignored'].includes(delivery.status))).toBe(true);

    const [row] = await db()
      .select()
      .from(pullRequests)
      .where(and(eq(pullRequests.projectId, project.id), eq(pullRequests.number, number)));
    expect(row).toMatchObject({ state: 'open', headBranch: 'feature/a', title: 'Add A' });
    const [preview] = await db()
      .select()
      .from(environments)
      .where(eq(environments.slug, `pr-${number}`));
    expect(preview).toMatchObject({
      kind: 'preview',
      gitBranch: 'feature/a',
      pullRequestId: row!.id,
    });
    const [ci] = await db().select().from(ciRuns).where(eq(ciRuns.githubRunId, run.id));
    expect(ci).toMatchObject({
      status: 'completed',
      conclusion: 'success',
      pullRequestId: row!.id,
      queueMs: 30_000,
    });
  });

  test('Vercel: a preview build and a production rollback arrive as the sandbox signs them', async () => {
    const store = vercelSandbox.store;
    const build = store.addDeployment({
      projectId: 'prj_shop',
      readyState: 'BUILDING',
      meta: { githubCommitRef: 'feature/a', githubCommitSha: 'a'.repeat(40) },
    });
    store.finishBuild(build.id, 'READY');
    const first = store.addDeployment({ projectId: 'prj_shop', target: 'production' });
    const second = store.addDeployment({ projectId: 'prj_shop', target: 'production' });
    store.rollback('prj_shop', first.id, 'Bad release');
    const attempts = await vercelSandbox.webhooks.flush();
    expect(statuses(attempts)).toEqual(Array(attempts.length).fill(200));

    const [preview] = await db()
      .select()
      .from(environments)
      .where(eq(environments.slug, `pr-${number}`));
    const [built] = await db().select().from(deployments).where(eq(deployments.vercelId, build.id));
    expect(built).toMatchObject({ state: 'ready', environmentId: preview!.id });
    expect(preview!.currentDeploymentId).toBe(built!.id);

    const [served] = await db()
      .select()
      .from(environments)
      .where(eq(environments.id, production.id));
    const [rolledBackTo] = await db()
      .select()
      .from(deployments)
      .where(eq(deployments.vercelId, first.id));
    expect(served!.currentDeploymentId).toBe(rolledBackTo!.id);
    expect(second.id).not.toBe(first.id);
  });

  test('GitHub: merging closes the pull request on the board', async () => {
    githubSandbox.change.closePullRequest('acme/shop', number, { merge: true });
    const attempts = await githubSandbox.webhooks.flush();
    for (const attempt of attempts) expect([200, 202]).toContain(attempt.status);
    const [row] = await db()
      .select()
      .from(pullRequests)
      .where(and(eq(pullRequests.projectId, project.id), eq(pullRequests.number, number)));
    expect(row?.state).toBe('merged');
  });
});
