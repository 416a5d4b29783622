import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import {
  ciRuns,
  environments,
  type Project,
  pullRequests,
  type SyncRun,
  testRuns,
} from '@/db/schema';
import { GITHUB_PULL_REQUESTS, githubPullRequestsJob } from '@/lib/sync/github-pull-requests';
import { GITHUB_WORKFLOW_RUNS, githubWorkflowRunsJob } from '@/lib/sync/github-workflow-runs';
import { runSync } from '@/lib/sync/run-sync';
import { PREVIEW_PROVISION_KIND } from '@/lib/operations/provision-job';
import { GITHUB_TEAM_ROLES } from '@/lib/sync/github-team-roles';
import { type GitHubSandbox, startGitHubSandbox } from '@/sandbox/github/emulator';
import { createProject } from '@/tests/support/factories';
import { createTestDatabase } from '@/tests/support/test-database';
import { cronRequest, useCronEnvironment } from './cron-env';
import { GITHUB_TOKEN, githubClient, PORTS } from './support';

const REPO = 'acme/shop';
/** A repository whose history is older than a first sync's look-back window. */
const OLD_REPO = 'acme/legacy';
const MINUTE = 60_000;
let handle: DatabaseHandle;
let sandbox: GitHubSandbox;
let project: Project;

const db = () => handle.db;
const client = () => githubClient(sandbox.baseUrl, db());
const syncPulls = (github = client()) => runSync(db(), githubPullRequestsJob({ github }, project));
const syncRuns = (github = client()) => runSync(db(), githubWorkflowRunsJob({ github }, project));

const storedPulls = async () =>
  new Map(
    (await db().select().from(pullRequests).where(eq(pullRequests.projectId, project.id))).map(
      (row) => [row.number, row],
    ),
  );
const storedRuns = async () =>
  new Map(
    (await db().select().from(ciRuns).where(eq(ciRuns.projectId, project.id))).map((row) => [
      row.githubRunId,
      row,
    ]),
  );

const hourAgo = () => new Date(Date.now() - 60 * MINUTE);

beforeAll(async () => {
  handle = await createTestDatabase();
  sandbox = await startGitHubSandbox({
    repositories: [REPO, OLD_REPO],
    token: GITHUB_TOKEN,
    port: PORTS.github,
    faultSeed: 21,
  });
  project = await createProject(db(), { githubOwner: 'acme', githubRepo: 'shop' });
  const start = hourAgo();
  sandbox.change.openPullRequest(REPO, { head: 'feature-login', title: 'Login', at: start });
  sandbox.change.openPullRequest(REPO, { head: 'feature-cart', title: 'Cart', at: start });
  const merged = sandbox.change.openPullRequest(REPO, {
    head: 'fix-typo',
    title: 'Typo',
    at: start,
  });
  sandbox.change.closePullRequest(REPO, merged.number, {
    merge: true,
    at: new Date(start.getTime() + 5 * MINUTE),
  });
  const done = sandbox.change.startWorkflowRun(REPO, { branch: 'feature-login', at: start });
  sandbox.change.completeWorkflowRun(REPO, done.id, {
    conclusion: 'failure',
    queuedMs: 30_000,
    at: new Date(start.getTime() + 4 * MINUTE),
  });
  sandbox.change.startWorkflowRun(REPO, {
    branch: 'feature-cart',
    at: new Date(start.getTime() + 10 * MINUTE),
  });
});
afterAll(async () => {
  await sandbox?.close();
  await handle?.close();
});
beforeEach(() => {
  sandbox.faults.reset();
  sandbox.quota.setRemaining(5000);
});

describe('github.pull_requests', () => {
  it('fills pull requests and opens a preview row per open pull request', async () => {
    const run = await syncPulls();
    expect(run).toMatchObject({ kind: GITHUB_PULL_REQUESTS, status: 'succeeded', errors: [] });
    expect(run).toMatchObject({ itemsSeen: 3, itemsChanged: 3 });
    const repo = sandbox.repository(REPO);
    const pulls = await storedPulls();
    for (const pr of repo.pulls.values()) {
      expect(pulls.get(pr.number)).toMatchObject({ headSha: pr.headSha, headBranch: pr.headRef });
    }
    expect(pulls.get(1)!.state).toBe('open');
    expect(pulls.get(3)!.state).toBe('merged');
    const previews = await db()
      .select({ gitBranch: environments.gitBranch })
      .from(environments)
      .where(and(eq(environments.projectId, project.id), eq(environments.kind, 'preview')));
    expect(previews.map((p) => p.gitBranch).sort()).toEqual(['feature-cart', 'feature-login']);
  });

  it('costs one request answered 304 and changes nothing when the repository has not changed', async () => {
    const quota = sandbox.quota.remaining;
    const run = await syncPulls();
    expect(run).toMatchObject({ status: 'succeeded', apiCalls: 1, itemsChanged: 0 });
    expect(sandbox.quota.remaining).toBe(quota);
  });

  it('picks up a new pull request and a closed one', async () => {
    sandbox.change.openPullRequest(REPO, { head: 'feature-search', title: 'Search' });
    sandbox.change.closePullRequest(REPO, 2, { merge: false });
    const run = await syncPulls();
    expect(run).toMatchObject({ status: 'succeeded', apiCalls: 1, itemsChanged: 2 });
    const pulls = await storedPulls();
    expect(pulls.get(2)!.state).toBe('closed');
    expect(pulls.get(4)).toMatchObject({ state: 'open', headBranch: 'feature-search' });
    expect(await syncPulls()).toMatchObject({ apiCalls: 1, itemsChanged: 0 });
  });

  it('picks up a push to an open pull request as its new head', async () => {
    const { after } = sandbox.change.push(REPO, { branch: 'feature-login' });
    expect(await syncPulls()).toMatchObject({ status: 'succeeded', itemsChanged: 1 });
    expect((await storedPulls()).get(1)!.headSha).toBe(after);
  });

  it('on a first run, lists every open pull request but only recently closed ones', async () => {
    const longAgo = new Date(Date.now() - 90 * 24 * 60 * MINUTE);
    const change = sandbox.change;
    change.openPullRequest(OLD_REPO, { head: 'slow-burn', title: 'Still open', at: longAgo });
    const stale = change.openPullRequest(OLD_REPO, { head: 'gone', title: 'Old', at: longAgo });
    change.closePullRequest(OLD_REPO, stale.number, { merge: false, at: longAgo });
    // A database of its own: sync cursors are kept per kind, and this one's must be a first.
    const fresh = await createTestDatabase();
    try {
      const legacy = await createProject(fresh.db, { githubOwner: 'acme', githubRepo: 'legacy' });
      const github = githubClient(sandbox.baseUrl, fresh.db, OLD_REPO);
      const sync = () => runSync(fresh.db, githubPullRequestsJob({ github }, legacy));
      // The recent listing, then the open one.
      expect(await sync()).toMatchObject({
        status: 'succeeded',
        apiCalls: 2,
        itemsSeen: 1,
        itemsChanged: 1,
      });
      const stored = await fresh.db.select({ title: pullRequests.title }).from(pullRequests);
      expect(stored).toEqual([{ title: 'Still open' }]);
      expect(await sync()).toMatchObject({ apiCalls: 1, itemsChanged: 0 });
    } finally {
      await fresh.close();
    }
  });

  it('waits out a 429 burst and counts the refused requests', async () => {
    sandbox.faults.rateLimitBurst({ requests: 2, retryAfterSeconds: 1 });
    const run = await syncPulls();
    expect(run).toMatchObject({ status: 'succeeded', apiCalls: 3, itemsChanged: 0 });
    expect(sandbox.faults.counts.rateLimited).toBe(2);
  });

  it('retries 5xx answers and counts every attempt', async () => {
    sandbox.faults.configure({ errorRate: 0.5 });
    const github = client();
    const run = await syncPulls(github);
    expect(run.status).toBe('succeeded');
    expect(sandbox.faults.counts.serverErrors).toBeGreaterThan(0);
    expect(run.apiCalls).toBe(1 + sandbox.faults.counts.serverErrors);
    expect(github.usage().serverErrors).toBe(sandbox.faults.counts.serverErrors);
  });

  it('marks the run failed with the reason when GitHub keeps failing', async () => {
    sandbox.faults.configure({ errorRate: 1, errorStatuses: [502] });
    const run = await syncPulls();
    expect(run.status).toBe('failed');
    expect(run.apiCalls).toBe(4);
    expect(run.errors[0]).toMatch(/listPullRequests/);
    expect(run.errors[0]).toMatch(/502/);
  });
});

describe('github.workflow_runs', () => {
  it('fills ci runs with conclusion, queue time and duration from their jobs', async () => {
    const run = await syncRuns();
    expect(run).toMatchObject({ kind: GITHUB_WORKFLOW_RUNS, status: 'succeeded', errors: [] });
    // One listing, and jobs only for the completed run: the queued one has none to read yet.
    // The listing, the completed run's jobs and its test-results artifacts.
    expect(run).toMatchObject({ itemsSeen: 2, itemsChanged: 2, apiCalls: 3 });
    const repo = sandbox.repository(REPO);
    const [done, queued] = [...repo.runs.values()];
    const stored = await storedRuns();
    expect(stored.get(done!.id)).toMatchObject({
      status: 'completed',
      conclusion: 'failure',
      queueMs: 30_000,
      durationMs: 3.5 * MINUTE,
      headSha: done!.headSha,
    });
    expect(stored.get(done!.id)!.pullRequestId).toBe((await storedPulls()).get(1)!.id);
    expect(stored.get(queued!.id)).toMatchObject({ status: 'queued', conclusion: null });
  });

  it('spends at most one request and changes nothing when no run has changed', async () => {
    const second = await syncRuns();
    expect(second).toMatchObject({ status: 'succeeded', apiCalls: 1, itemsChanged: 0 });
    const quota = sandbox.quota.remaining;
    const third = await syncRuns();
    expect(third).toMatchObject({ status: 'succeeded', apiCalls: 1, itemsChanged: 0 });
    expect(sandbox.quota.remaining).toBe(quota);
  });

  it('picks up a run that completed and a new one, reading jobs only for the completed one', async () => {
    const repo = sandbox.repository(REPO);
    const queued = [...repo.runs.values()].find((r) => r.status === 'queued')!;
    sandbox.change.completeWorkflowRun(REPO, queued.id, {
      queuedMs: 60_000,
      at: new Date(queued.createdAt.getTime() + 6 * MINUTE),
    });
    const fresh = sandbox.change.startWorkflowRun(REPO, { branch: 'main' });
    const run = await syncRuns();
    // The listing, then jobs and test-results artifacts for the run that completed.
    expect(run).toMatchObject({ status: 'succeeded', itemsChanged: 2, apiCalls: 3 });
    const stored = await storedRuns();
    expect(stored.get(queued.id)).toMatchObject({
      status: 'completed',
      conclusion: 'success',
      queueMs: 60_000,
      durationMs: 5 * MINUTE,
    });
    expect(stored.get(fresh.id)).toMatchObject({ status: 'queued', event: 'push' });
    expect(await syncRuns()).toMatchObject({ apiCalls: 1, itemsChanged: 0 });
  });

  it('records the test-results artifact of a run that completed, once', async () => {
    const junit = [
      '<testsuites><testsuite name="cart" tests="2" failures="1">',
      '<testcase classname="cart.test.ts" name="adds an item" time="0.01"/>',
      '<testcase classname="cart.test.ts" name="removes an item" time="0.02">',
      '<failure message="expected 0 items, got 1"/></testcase>',
      '</testsuite></testsuites>',
    ].join('');
    const run = sandbox.change.startWorkflowRun(REPO, { branch: 'main' });
    sandbox.change.completeWorkflowRun(REPO, run.id, {
      artifacts: [{ name: 'test-results', sizeInBytes: 2048, files: { 'unit/junit.xml': junit } }],
    });
    expect(await syncRuns()).toMatchObject({ status: 'succeeded', errors: [] });
    expect(await syncRuns()).toMatchObject({ apiCalls: 1, itemsChanged: 0 });

    const [ciRun] = await db().select().from(ciRuns).where(eq(ciRuns.githubRunId, run.id));
    const reports = await db().select().from(testRuns).where(eq(testRuns.ciRunId, ciRun!.id));
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({
      suite: 'unit',
      status: 'failed',
      total: 2,
      failed: 1,
      commitSha: run.headSha,
    });
  });

  it('keeps listing a run until it completes, then moves past it', async () => {
    const runs = await db().select().from(ciRuns).where(eq(ciRuns.status, 'queued'));
    expect(runs).toHaveLength(1);
    const queued = runs[0]!;
    const before = (await syncRuns()).cursor;
    expect(new Date(before!).getTime()).toBeLessThanOrEqual(queued.providerCreatedAt.getTime());
    sandbox.change.completeWorkflowRun(REPO, queued.githubRunId, { conclusion: 'cancelled' });
    expect(await syncRuns()).toMatchObject({ itemsChanged: 1 });
    expect((await storedRuns()).get(queued.githubRunId)).toMatchObject({
      status: 'completed',
      conclusion: 'cancelled',
    });
  });
});

describe('per-item failures', () => {
  it('records a run whose jobs cannot be read, keeps going, and stores it on the next run', async () => {
    const fresh = sandbox.change.startWorkflowRun(REPO, { branch: 'feature-login' });
    sandbox.change.completeWorkflowRun(REPO, fresh.id, { conclusion: 'success' });
    // The listing spends the last request of the hour; the jobs call is refused with 403.
    sandbox.quota.setRemaining(1);
    const run = await syncRuns();
    expect(run.status).toBe('succeeded');
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toContain(`workflow run ${fresh.id}: github listWorkflowJobs failed`);
    expect((await storedRuns()).get(fresh.id)).toBeUndefined();

    sandbox.quota.setRemaining(5000);
    const retried = await syncRuns();
    expect(retried).toMatchObject({ status: 'succeeded', errors: [], itemsChanged: 1 });
    expect((await storedRuns()).get(fresh.id)).toMatchObject({
      status: 'completed',
      conclusion: 'success',
    });
  });
});

describe('GET /api/cron/github', () => {
  it('syncs pull requests then workflow runs with the clients from the environment', async () => {
    const { GET } = await import('@/app/api/cron/github/route');
    const restore = useCronEnvironment(handle, {
      ENVBOARD_PROJECT: project.slug,
      GITHUB_API_URL: sandbox.baseUrl,
      GITHUB_TOKEN,
      GITHUB_REPOSITORY: REPO,
    });
    try {
      sandbox.change.openPullRequest(REPO, { head: 'feature-cron', title: 'From cron' });
      const response = await GET(cronRequest('/api/cron/github'));
      expect(response.status).toBe(200);
      const { runs } = (await response.json()) as { runs: SyncRun[] };
      expect(runs.map((run) => [run.kind, run.status])).toEqual([
        [GITHUB_PULL_REQUESTS, 'succeeded'],
        [GITHUB_WORKFLOW_RUNS, 'succeeded'],
        // No GITHUB_TEAM_ROLES mapping: nothing to read, nothing to change.
        [GITHUB_TEAM_ROLES, 'succeeded'],
        // Provisioning previews needs Neon and Vercel, which this deployment does not configure.
        [PREVIEW_PROVISION_KIND, 'failed'],
      ]);
      expect(runs[2]!.apiCalls).toBe(0);
      expect(runs[3]!.errors.join(' ')).toMatch(/NEON_API_KEY/);
      expect(runs[0]!.itemsChanged).toBe(1);
      expect([...(await storedPulls()).values()].map((pr) => pr.headBranch)).toContain(
        'feature-cron',
      );
    } finally {
      restore();
    }
  });
});
