import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as githubWebhook } from '@/app/api/webhooks/github/route';
import { POST as vercelWebhook } from '@/app/api/webhooks/vercel/route';
import type { DatabaseHandle } from '@/db/client';
import { type Project, webhookDeliveries } from '@/db/schema';
import { PREVIEW_PROVISION_KIND } from '@/lib/operations/provision-job';
import { GITHUB_TEAM_ROLES } from '@/lib/sync/github-team-roles';
import { CRON_SYNCS } from '@/lib/sync/cron-syncs';
import { runSync } from '@/lib/sync/run-sync';
import { type GitHubSandbox, startGitHubSandbox } from '@/sandbox/github/emulator';
import { type NeonSandbox, startNeonSandbox } from '@/sandbox/neon';
import { startVercelSandbox, type VercelSandbox } from '@/sandbox/vercel';
import { createEnvironment, createProject } from '@/tests/support/factories';
import { createTestDatabase } from '@/tests/support/test-database';
import { diffBoards } from './board-diff';
import {
  actualBoard,
  deletedBranchIds,
  expectedBoard,
  type ProviderWorld,
} from './convergence-boards';
import {
  GITHUB_TOKEN,
  githubClient,
  NEON_API_KEY,
  NEON_PROJECT_ID,
  neonClient,
  PORTS,
  VERCEL_PROJECT_ID,
  VERCEL_TOKEN,
  vercelClient,
} from './support';
import { type RouteReceiver, startRouteReceiver } from './webhook-receiver';

/**
 * However webhooks arrive at the webhook routes — 30 % lost, 10 % twice, the rest out of order —
 * one pass of every sync leaves the board equal to the providers' state.
 */
const REPO = 'acme/shop';
const GITHUB_WEBHOOK_SECRET = 'github-webhook-secret';
const VERCEL_WEBHOOK_SECRET = 'vercel-webhook-secret';
/** The cron routes of live data, whose syncs run in the order those routes run them. */
const LIVE_DATA_CRONS = ['/api/cron/github', '/api/cron/vercel', '/api/cron/neon'];
const WEBHOOK_FAULTS = { dropRate: 0.3, duplicateRate: 0.1, reorderWindow: 1000 };

let handle: DatabaseHandle;
let github: GitHubSandbox;
let vercel: VercelSandbox;
let neon: NeonSandbox;
let project: Project;
let world: ProviderWorld;
let receiver: RouteReceiver;
const processCache = globalThis as unknown as { envboardDatabase?: DatabaseHandle };

const db = () => handle.db;

/**
 * Vercel's clock, a minute on per change: in a real project builds and promotions are minutes
 * apart, and the order of their times is what says which one production serves. It starts half
 * an hour back: a delivery received over an hour after its time is stale and not applied.
 */
let vercelClock = Date.now() - 30 * 60_000;
const vercelTick = () => (vercelClock += 60_000);

beforeAll(async () => {
  handle = await createTestDatabase();
  // The webhook routes use the process-wide database handle and read their secrets from the
  // environment; this file runs in a worker of its own.
  processCache.envboardDatabase = handle;
  Object.assign(process.env, { GITHUB_WEBHOOK_SECRET, VERCEL_WEBHOOK_SECRET });
  const ports = PORTS.convergence;
  receiver = await startRouteReceiver(ports.webhooks, {
    '/api/webhooks/github': githubWebhook,
    '/api/webhooks/vercel': vercelWebhook,
  });
  github = await startGitHubSandbox({
    repositories: [REPO],
    token: GITHUB_TOKEN,
    port: ports.github,
    webhooks: {
      seed: 41,
      secret: GITHUB_WEBHOOK_SECRET,
      url: receiver.url('/api/webhooks/github'),
    },
  });
  vercel = await startVercelSandbox({
    token: VERCEL_TOKEN,
    webhookSecret: VERCEL_WEBHOOK_SECRET,
    webhookTarget: receiver.url('/api/webhooks/vercel'),
    port: ports.vercel,
    seed: 43,
    now: () => vercelClock,
  });
  neon = await startNeonSandbox({
    apiKey: NEON_API_KEY,
    projectId: NEON_PROJECT_ID,
    port: ports.neon,
    operationMs: 0,
  });
  github.webhooks.configure(WEBHOOK_FAULTS);
  vercel.webhooks.configure(WEBHOOK_FAULTS);
  vercel.store.addProject({ id: VERCEL_PROJECT_ID, name: 'shop' });
  project = await createProject(db(), {
    githubOwner: 'acme',
    githubRepo: 'shop',
    vercelProjectId: VERCEL_PROJECT_ID,
    neonProjectId: NEON_PROJECT_ID,
  });
  await createEnvironment(db(), project, { kind: 'production', slug: 'production' });
  world = {
    repo: github.repository(REPO),
    vercel: vercel.store,
    vercelProjectId: VERCEL_PROJECT_ID,
    neon: neon.store,
    builtAs: new Map(),
  };
});
afterAll(async () => {
  await Promise.all([github?.close(), vercel?.close(), neon?.close(), receiver?.close()]);
  processCache.envboardDatabase = undefined;
  await handle?.close();
});

function deploy(
  branch: string,
  options: { production?: boolean; building?: boolean } = {},
): string {
  const repo = world.repo;
  vercelTick();
  const { id } = vercel.store.addDeployment({
    projectId: VERCEL_PROJECT_ID,
    target: options.production ? 'production' : null,
    readyState: options.building ? 'BUILDING' : 'READY',
    meta: {
      githubCommitRef: branch,
      githubCommitSha: repo.branches.get(branch) ?? '',
      githubCommitMessage: `Deploy ${branch}`,
      githubCommitAuthorLogin: 'octocat',
    },
  });
  world.builtAs.set(id, options.production ? 'production' : 'preview');
  return id;
}

const branchNamed = (name: string) =>
  [...neon.store.branches.values()].find((branch) => branch.name === name)!;

/** Every queued webhook goes out under the fault switches, then each sync runs once. */
async function deliverAndSync() {
  const attempts = [...(await github.webhooks.flush()), ...(await vercel.webhooks.flush())];
  // Accepted (200, or 202 when an apply is left to the retry job): none refused or lost on the way.
  expect(attempts.filter((attempt) => attempt.status !== 200 && attempt.status !== 202)).toEqual(
    [],
  );
  const clients = {
    github: githubClient(github.baseUrl, db()),
    vercel: vercelClient(vercel.baseUrl),
    neon: neonClient(neon.apiUrl),
  };
  const runs = [];
  // Provisioning is an operation with tests of its own; the PR comment it writes would count as
  // a change to the pull request on the next pass. Team roles are people, not the board's data,
  // and have tests of their own too.
  const liveData = CRON_SYNCS.filter(
    (each) =>
      LIVE_DATA_CRONS.includes(each.cronPath) &&
      each.kind !== PREVIEW_PROVISION_KIND &&
      each.kind !== GITHUB_TEAM_ROLES,
  );
  for (const sync of liveData) {
    runs.push(await runSync(db(), sync.build({ providers: clients, project, env: {} })));
  }
  return runs;
}

async function boardDifferences(): Promise<string[]> {
  const expected = expectedBoard(world, await deletedBranchIds(db(), project));
  return diffBoards(expected, await actualBoard(db(), project));
}

describe('convergence of webhooks and syncs', () => {
  const previews = new Map<string, string>();
  let buildingPreview = '';

  it('matches the providers after pull requests open, runs start and previews deploy', async () => {
    const change = github.change;
    deploy('main', { production: true });
    for (const n of [1, 2, 3, 4]) {
      const branch = `feature-${n}`;
      change.openPullRequest(REPO, { head: branch, title: `Feature ${n}` });
      neon.store.createBranch({ name: `preview/${branch}`, compute: true });
      change.startWorkflowRun(REPO, { branch });
      if (n !== 4) previews.set(branch, deploy(branch));
    }
    buildingPreview = deploy('feature-4', { building: true });
    const [first, second] = [...world.repo.runs.values()];
    change.completeWorkflowRun(REPO, first!.id, { conclusion: 'success' });
    change.completeWorkflowRun(REPO, second!.id, { conclusion: 'failure' });

    const runs = await deliverAndSync();
    expect(runs.flatMap((run) => run.errors)).toEqual([]);
    expect(runs.map((run) => run.status)).toEqual(Array(4).fill('succeeded'));
    expect(await boardDifferences()).toEqual([]);
    const board = await actualBoard(db(), project);
    expect(Object.keys(board.pullRequests!)).toHaveLength(4);
    expect(Object.keys(board.ciRuns!)).toHaveLength(4);
    expect(Object.keys(board.deployments!)).toHaveLength(5);
    expect(Object.keys(board.dbBranches!)).toHaveLength(5);
    // The faults did strike: some webhooks never came, some came twice.
    expect(github.webhooks.dropped.length + vercel.webhooks.dropped.length).toBeGreaterThan(0);
    const sent = [...github.webhooks.attempts, ...vercel.webhooks.attempts];
    expect(sent.some((attempt) => attempt.duplicate)).toBe(true);
    expect((await db().select().from(webhookDeliveries)).length).toBeGreaterThan(0);
  });

  it('matches them again after merges, closes, pushes, finished builds, a promote and a deleted branch', async () => {
    const change = github.change;
    change.closePullRequest(REPO, 2, { merge: true });
    change.closePullRequest(REPO, 3, { merge: false });
    change.push(REPO, { branch: 'feature-1', messages: ['Fix review comments'] });
    change.startWorkflowRun(REPO, { branch: 'feature-1' });
    for (const run of world.repo.runs.values()) {
      if (run.status !== 'completed' && run.headBranch !== 'feature-1') {
        change.completeWorkflowRun(REPO, run.id, { conclusion: 'success' });
      }
    }
    vercelTick();
    vercel.store.finishBuild(buildingPreview, 'ERROR');
    deploy('feature-1');
    deploy('main', { production: true });
    vercelTick();
    vercel.store.promote(VERCEL_PROJECT_ID, previews.get('feature-1')!);
    neon.store.deleteBranch(branchNamed('preview/feature-3').id);
    neon.store.createBranch({ name: 'dev-scratch', compute: false });

    const runs = await deliverAndSync();
    expect(runs.flatMap((run) => run.errors)).toEqual([]);
    expect(await boardDifferences()).toEqual([]);
    const board = await actualBoard(db(), project);
    expect(board.production!.serves).toEqual({ deployment: previews.get('feature-1') });
    expect(board.pullRequests!['#2']).toMatchObject({ state: 'merged' });
    expect(Object.values(board.dbBranches!)).toContainEqual({ state: 'deleted' });
  });

  it('finds nothing to change on a pass right after', async () => {
    const runs = await deliverAndSync();
    expect(runs.map((run) => run.itemsChanged)).toEqual([0, 0, 0, 0]);
    expect(await boardDifferences()).toEqual([]);
  });
});
