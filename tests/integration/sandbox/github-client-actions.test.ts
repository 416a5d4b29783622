import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGitHubClient } from '@/lib/providers/github/client';
import { type GitHubSandbox, startGitHubSandbox } from '@/sandbox/github/emulator';

const REPO = 'acme/shop';
const silent = { warn: () => {}, error: () => {} };
const T0 = Date.UTC(2026, 2, 1, 12);
let sandbox: GitHubSandbox;

beforeAll(async () => {
  // A clock a day past T0: artifacts from T0 have not expired yet (GitHub keeps them 90 days).
  sandbox = await startGitHubSandbox({
    repositories: [REPO],
    now: () => new Date(T0 + 86_400_000),
  });
});
afterAll(() => sandbox.close());

const client = () =>
  createGitHubClient({
    baseUrl: sandbox.baseUrl,
    token: 'any',
    owner: 'acme',
    repo: 'shop',
    retry: { msPerSecond: 1, spaceWrites: false },
    log: silent,
  });

describe('GitHub client: Actions, compare, comments and statuses', () => {
  it('lists workflow runs since a time, their jobs with queue times, and their artifacts', async () => {
    const { change } = sandbox;
    const pr = change.openPullRequest(REPO, {
      head: 'checkout',
      title: 'Checkout',
      at: new Date(T0),
    });
    const old = change.startWorkflowRun(REPO, { branch: 'main', at: new Date(T0 - 3_600_000) });
    change.completeWorkflowRun(REPO, old.id, { at: new Date(T0 - 3_000_000) });
    const run = change.startWorkflowRun(REPO, {
      branch: 'checkout',
      jobs: ['lint', 'test'],
      at: new Date(T0),
    });
    change.completeWorkflowRun(REPO, run.id, {
      conclusion: 'failure',
      queuedMs: 20_000,
      artifacts: [{ name: 'test-results', sizeInBytes: 2048 }],
      at: new Date(T0 + 120_000),
    });

    const github = client();
    const runs = await github.listWorkflowRuns({ since: new Date(T0) });
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({
      id: run.id,
      headSha: pr.headSha,
      headBranch: 'checkout',
      status: 'completed',
      conclusion: 'failure',
      pullRequestNumbers: [pr.number],
      runStartedAt: new Date(T0 + 20_000),
    });
    expect(await github.listWorkflowRuns()).toHaveLength(2);

    const jobs = await github.listWorkflowJobs(run.id);
    expect(jobs.map((job) => job.name)).toEqual(['lint', 'test']);
    expect(jobs[0]).toMatchObject({
      conclusion: 'failure',
      createdAt: new Date(T0),
      startedAt: new Date(T0 + 20_000),
      completedAt: new Date(T0 + 120_000),
    });

    const artifacts = await github.listRunArtifacts(run.id, 'test-results');
    expect(artifacts).toMatchObject([{ name: 'test-results', sizeInBytes: 2048, expired: false }]);
    expect(await github.listRunArtifacts(run.id, 'coverage')).toEqual([]);
  });

  it('compares commits: a branch two pushes ahead of main, then main moving on', async () => {
    sandbox.change.push(REPO, { branch: 'compare-me', messages: ['one', 'two'] });
    const github = client();
    expect(await github.compareCommits('main', 'compare-me')).toMatchObject({
      status: 'ahead',
      aheadBy: 2,
      behindBy: 0,
    });
    sandbox.change.push(REPO, { branch: 'main', messages: ['hotfix'] });
    expect(await github.compareCommits('main', 'compare-me')).toMatchObject({
      status: 'diverged',
      aheadBy: 2,
      behindBy: 1,
    });
  });

  it('keeps one sticky comment per marker: created once, then updated in place', async () => {
    const pr = sandbox.change.openPullRequest(REPO, { head: 'sticky', title: 'Sticky' });
    const github = client();
    const marker = '<!-- envboard:preview -->';
    const created = await github.createOrUpdateIssueComment(pr.number, marker, 'Preview: building');
    const updated = await github.createOrUpdateIssueComment(pr.number, marker, 'Preview: ready');
    expect(created.created).toBe(true);
    expect(updated).toMatchObject({ id: created.id, created: false });
    const comments = [...sandbox.repository(REPO).comments.values()].filter(
      (comment) => comment.issueNumber === pr.number,
    );
    expect(comments.map((comment) => comment.body)).toEqual([`${marker}\nPreview: ready`]);
  });

  it('creates a commit status and GitHub queues the status webhook', async () => {
    const { after } = sandbox.change.push(REPO, { branch: 'status-me' });
    const queued = sandbox.webhooks.pending;
    await client().createCommitStatus(after, {
      state: 'success',
      context: 'envboard/preview',
      targetUrl: 'https://preview.example.com',
    });
    const status = sandbox.repository(REPO).statuses.at(-1);
    expect(status).toMatchObject({ sha: after, state: 'success', context: 'envboard/preview' });
    expect(sandbox.webhooks.pending).toBe(queued + 1);
  });

  it('names the call when a status targets an unknown commit', async () => {
    await expect(
      client().createCommitStatus('f'.repeat(40), { state: 'pending', context: 'x' }),
    ).rejects.toMatchObject({ operation: 'createCommitStatus', status: 422 });
  });
});

describe('GitHub client: forks and its own identity', () => {
  it('reads a pull request from a fork as one, and one from a branch of the repository as not', async () => {
    const { change } = sandbox;
    const fromFork = change.openPullRequest(REPO, {
      head: 'main',
      title: 'A fork’s main',
      fork: 'mallory/shop',
    });
    const own = change.openPullRequest(REPO, { head: 'own-branch', title: 'Ours' });
    const github = client();
    expect(await github.getPullRequest(fromFork.number)).toMatchObject({
      headRef: 'main',
      fromFork: true,
    });
    expect(await github.getPullRequest(own.number)).toMatchObject({ fromFork: false });
  });

  it('knows its own login from GET /user, or from the App slug without a call', async () => {
    expect(await client().ownLogin()).toBe('envboard[bot]');
    const app = createGitHubClient({
      baseUrl: 'http://127.0.0.1:9',
      token: 'installation-token',
      owner: 'acme',
      repo: 'shop',
      appSlug: 'envboard-acme',
      log: silent,
    });
    expect(await app.ownLogin()).toBe('envboard-acme[bot]');
  });
});
