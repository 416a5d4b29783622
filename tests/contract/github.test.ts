import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGitHubClient } from '@/lib/providers/github/client';
import type { GitHubClient } from '@/lib/providers/github/types';
import { type GitHubSandbox, startGitHubSandbox } from '@/sandbox/github/emulator';
import { githubContract } from './support/documents';
import { ExchangeLog } from './support/exchanges';
import { answeredWith, distinctDepartures, noteCalls, providerFailure } from './support/calls';
import type { OpenApiContract } from './support/openapi';

/**
 * Every call the GitHub client makes, driven against the sandbox through a recording fetch, and
 * each request and answer checked against GitHub's REST API description (@octokit/openapi).
 */

const REPO = 'acme/shop';
const T0 = Date.UTC(2026, 2, 1, 12);
const silent = { warn: () => {}, error: () => {} };
/**
 * GitHub's description types `created` as a date-time, but GitHub reads it with its search
 * syntax: a date-time with an operator or a range, to the second, with a UTC offset
 * (https://docs.github.com/en/search-github/getting-started-with-searching-on-github/understanding-the-search-syntax#query-for-dates).
 */
const SEARCH_DATE = '\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+00:00';
const createdSyntax = {
  type: 'string',
  pattern: `^((>=|<=|>|<)${SEARCH_DATE}|${SEARCH_DATE}\\.\\.${SEARCH_DATE})$`,
};

let sandbox: GitHubSandbox;
let contract: OpenApiContract;
const log = new ExchangeLog();
const called = new Set<string>();
let clock = T0 + 3_600_000;

beforeAll(async () => {
  contract = githubContract({ querySchemaOverrides: { created: createdSyntax } });
  sandbox = await startGitHubSandbox({
    repositories: [REPO],
    token: 'contract-token',
    now: () => new Date(clock),
  });
});
afterAll(() => sandbox.close());

/** A client whose every method call is noted, so the test can prove it drove them all. */
function github(): GitHubClient {
  const client = createGitHubClient({
    baseUrl: sandbox.baseUrl,
    token: 'contract-token',
    owner: 'acme',
    repo: 'shop',
    retry: { msPerSecond: 1, spaceWrites: false },
    log: silent,
    fetch: log.fetch,
  });
  return noteCalls(client, called);
}

const departures = () => distinctDepartures(log, contract);
const failure = providerFailure;
const answered = (status: number) => answeredWith(log, status);

describe('the GitHub client and sandbox, against GitHub’s OpenAPI description', () => {
  it('reads pull requests, runs, jobs, artifacts and comparisons as documented', async () => {
    const { change } = sandbox;
    const pr = change.openPullRequest(REPO, {
      head: 'checkout',
      title: 'Checkout',
      at: new Date(T0),
    });
    change.openPullRequest(REPO, { head: 'main', title: 'From a fork', fork: 'mallory/shop' });
    const run = change.startWorkflowRun(REPO, {
      branch: 'checkout',
      jobs: ['lint', 'test'],
      at: new Date(T0),
    });
    change.completeWorkflowRun(REPO, run.id, {
      conclusion: 'failure',
      queuedMs: 20_000,
      artifacts: [
        { name: 'test-results', sizeInBytes: 2048, files: { 'junit.xml': '<testsuites/>' } },
      ],
      at: new Date(T0 + 120_000),
    });
    const client = github();
    expect(await client.listPullRequests({ state: 'all' })).toHaveLength(2);
    expect(await client.listPullRequests({ state: 'open', since: new Date(T0) })).not.toHaveLength(
      0,
    );
    expect((await client.getPullRequest(pr.number)).headRef).toBe('checkout');
    expect(await client.listWorkflowRuns({ since: new Date(T0 - 1000) })).toHaveLength(1);
    expect(
      await client.listWorkflowRuns({ branch: 'checkout', headSha: run.headSha }),
    ).toHaveLength(1);
    expect(await client.listWorkflowJobs(run.id)).toHaveLength(2);
    const [artifact] = await client.listRunArtifacts(run.id, 'test-results');
    expect(await client.listRunArtifacts(run.id)).toHaveLength(1);
    expect((await client.downloadArtifact(artifact!.id)).length).toBeGreaterThan(0);
    expect(await client.compareCommits('main', 'checkout')).toMatchObject({ status: 'ahead' });
    expect(departures()).toEqual([]);
  });

  it('writes comments and commit statuses, and reads its own login and a team, as documented', async () => {
    const { change, people } = sandbox;
    const pr = change.openPullRequest(REPO, { head: 'sticky', title: 'Sticky' });
    const { after } = change.push(REPO, { branch: 'status-me' });
    people.join('acme', 'platform', 'mara-lindqvist');
    people.join('acme', 'platform', 'ola-berg');
    const client = github();
    expect(await client.ownLogin()).toBe('envboard[bot]');
    const marker = '<!-- envboard:preview -->';
    const created = await client.createOrUpdateIssueComment(pr.number, marker, 'building');
    const updated = await client.createOrUpdateIssueComment(pr.number, marker, 'ready');
    expect([created.created, updated.created]).toEqual([true, false]);
    await client.createCommitStatus(after, {
      state: 'success',
      context: 'envboard/preview',
      description: 'Preview ready',
      targetUrl: 'https://preview.example.com',
    });
    await client.createCommitStatus(after, { state: 'pending', context: 'envboard/tests' });
    expect(await client.listTeamMembers('acme', 'platform')).toHaveLength(2);
    expect(departures()).toEqual([]);
  });

  it('reads the repository’s permissions and its webhook with the last answer, as documented', async () => {
    const client = github();
    expect(await client.getRepositoryAccess()).toEqual({
      fullName: REPO,
      permissions: { admin: true, push: true, pull: true },
    });
    expect(await client.listRepositoryHooks()).toEqual([]);
    sandbox.webhooks.setTarget('http://127.0.0.1:9/api/webhooks/github');
    const [hook] = await client.listRepositoryHooks();
    expect(hook).toMatchObject({
      url: 'http://127.0.0.1:9/api/webhooks/github',
      lastResponse: { code: null, status: 'unused' },
    });
    sandbox.change.push(REPO, { branch: 'hooked' });
    await sandbox.webhooks.flush();
    const [after] = await client.listRepositoryHooks();
    expect(after!.lastResponse).toMatchObject({ code: null, status: 'failed' });
    sandbox.webhooks.setTarget(undefined);
    expect(departures()).toEqual([]);
  });

  it('writes the bot’s URLs as GitHub does', async () => {
    const pr = sandbox.change.openPullRequest(REPO, { head: 'bot-urls', title: 'Bot URLs' });
    await github().createOrUpdateIssueComment(pr.number, '<!-- bot -->', 'hello');
    const comment = log.exchanges.at(-1)!.response.body as { user: Record<string, unknown> };
    expect(comment.user).toMatchObject({
      login: 'envboard[bot]',
      type: 'Bot',
      url: `${sandbox.baseUrl}/users/envboard%5Bbot%5D`,
      html_url: 'https://github.com/apps/envboard',
    });
  });

  it('answers failures in GitHub’s error shapes: 404, 410, 422, 429 with Retry-After, 403 quota', async () => {
    const { change } = sandbox;
    const client = github();
    expect((await failure(client.getPullRequest(9999))).status).toBe(404);
    expect((await failure(client.listWorkflowJobs(9999))).status).toBe(404);
    expect((await failure(client.listTeamMembers('acme', 'nobody'))).status).toBe(404);
    const badStatus = client.createCommitStatus('f'.repeat(40), { state: 'error', context: 'x' });
    expect((await failure(badStatus)).status).toBe(422);

    const run = change.startWorkflowRun(REPO, { branch: 'main' });
    change.completeWorkflowRun(REPO, run.id, {
      artifacts: [{ name: 'test-results', sizeInBytes: 10, files: { 'a.xml': '<x/>' } }],
    });
    clock += 91 * 86_400_000;
    const [artifact] = await client.listRunArtifacts(run.id);
    expect(artifact).toMatchObject({ expired: true });
    expect((await failure(client.downloadArtifact(artifact!.id))).status).toBe(410);

    sandbox.faults.rateLimitBurst({ requests: 1, retryAfterSeconds: 1 });
    expect(await client.listPullRequests({ state: 'open' })).not.toHaveLength(0);
    expect(answered(429).at(-1)!.response.headers['retry-after']).toBe('1');
    sandbox.quota.setRemaining(0);
    const spent = await failure(github().getPullRequest(1));
    sandbox.quota.setRemaining(5000);
    expect(spent).toMatchObject({ status: 403, retryable: true });
    for (const status of [404, 410, 422, 429, 403]) expect(answered(status)).not.toHaveLength(0);
    expect(departures()).toEqual([]);
  });

  it('drove every call the client makes', () => {
    const client = createGitHubClient({
      baseUrl: 'http://127.0.0.1:9',
      token: 't',
      owner: 'o',
      repo: 'r',
    });
    const methods = Object.keys(client).filter((key) => key !== 'usage');
    expect(methods.length).toBeGreaterThan(10);
    expect(methods.filter((method) => !called.has(method))).toEqual([]);
  });
});
