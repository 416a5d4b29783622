import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ProviderError } from '@/lib/providers/errors';
import { createGitHubClient, type GitHubClientOptions } from '@/lib/providers/github/client';
import { type GitHubSandbox, startGitHubSandbox } from '@/sandbox/github/emulator';

const REPO = 'acme/shop';
const silent = { warn: () => {}, error: () => {} };
let sandbox: GitHubSandbox;

beforeAll(async () => {
  sandbox = await startGitHubSandbox({ repositories: [REPO], token: 'test-token', faultSeed: 11 });
  for (let i = 1; i <= 130; i++) {
    sandbox.change.openPullRequest(REPO, {
      head: `feature-${i}`,
      title: `Feature ${i}`,
      at: new Date(Date.UTC(2026, 0, 1, 0, i)),
    });
  }
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.faults.reset();
  sandbox.quota.setRemaining(5000);
});

/** Retry-After seconds become milliseconds, and writes are not spaced, so nothing sleeps. */
function client(overrides: Partial<GitHubClientOptions> = {}) {
  return createGitHubClient({
    baseUrl: sandbox.baseUrl,
    token: 'test-token',
    owner: 'acme',
    repo: 'shop',
    retry: { msPerSecond: 1, spaceWrites: false },
    log: silent,
    ...overrides,
  });
}

async function failure(call: Promise<unknown>): Promise<ProviderError> {
  const error = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

describe('GitHub client against the sandbox', () => {
  it('follows Link pagination across pages', async () => {
    const github = client();
    const pulls = await github.listPullRequests({ state: 'open' });
    expect(pulls).toHaveLength(130);
    expect(new Set(pulls.map((pr) => pr.number)).size).toBe(130);
    expect(pulls[0]).toMatchObject({ number: 130, title: 'Feature 130', headRef: 'feature-130' });
    expect(github.usage().requests).toBe(2);
  });

  it('stops paging at the first pull request updated before `since`', async () => {
    const github = client();
    const since = new Date(Date.UTC(2026, 0, 1, 0, 121));
    const pulls = await github.listPullRequests({ state: 'all', since });
    expect(pulls.map((pr) => pr.number)).toEqual([
      130, 129, 128, 127, 126, 125, 124, 123, 122, 121,
    ]);
    expect(github.usage().requests).toBe(1);
  });

  it('answers an unchanged list from its ETag cache: 304s are counted and cost no quota', async () => {
    const github = client();
    const first = await github.listPullRequests({ state: 'open' });
    const remaining = sandbox.quota.remaining;
    const second = await github.listPullRequests({ state: 'open' });
    expect(second).toEqual(first);
    expect(sandbox.quota.remaining).toBe(remaining);
    expect(github.usage()).toMatchObject({ requests: 4, notModified: 2, quotaSpent: 2 });
  });

  it('retries a 429 burst after Retry-After and counts it', async () => {
    const github = client();
    sandbox.faults.rateLimitBurst({ requests: 2, retryAfterSeconds: 2 });
    const pr = await github.getPullRequest(1);
    expect(pr.number).toBe(1);
    expect(sandbox.faults.counts.rateLimited).toBe(2);
    expect(github.usage()).toMatchObject({ requests: 3, rateLimited: 2 });
  });

  it('retries a secondary rate limit answered with 403, as GitHub sometimes does', async () => {
    const github = client();
    sandbox.faults.rateLimitBurst({ requests: 1, retryAfterSeconds: 1, status: 403 });
    expect((await github.getPullRequest(2)).number).toBe(2);
    expect(github.usage()).toMatchObject({ requests: 2, rateLimited: 1 });
  });

  it('fails fast with a retryable error when the hourly quota is spent', async () => {
    const github = client();
    sandbox.quota.setRemaining(0);
    const error = await failure(github.getPullRequest(1));
    expect(error).toMatchObject({
      provider: 'github',
      operation: 'getPullRequest',
      status: 403,
      retryable: true,
    });
    expect(error.message).toMatch(/API rate limit exceeded/);
    expect(github.usage()).toMatchObject({ requests: 1, rateLimited: 1, rateLimitRemaining: 0 });
  });

  it('retries 5xx answers and succeeds once the provider recovers', async () => {
    const github = client({ retry: { msPerSecond: 1, spaceWrites: false, retries: 5 } });
    // With seed 11 the first draws fail three of the first six requests.
    sandbox.faults.configure({ errorRate: 0.6 });
    for (let number = 1; number <= 6; number++) {
      expect((await github.getPullRequest(number)).number).toBe(number);
    }
    const { requests, serverErrors } = github.usage();
    expect(serverErrors).toBeGreaterThan(0);
    expect(requests).toBe(6 + serverErrors);
  });

  it('gives up after the configured retries with a retryable ProviderError', async () => {
    const github = client({ retry: { msPerSecond: 1, spaceWrites: false, retries: 2 } });
    sandbox.faults.configure({ errorRate: 1 });
    const error = await failure(github.listWorkflowRuns());
    expect(error).toMatchObject({ operation: 'listWorkflowRuns', retryable: true });
    expect([500, 502, 503]).toContain(error.status);
    expect(github.usage().requests).toBe(3);
  });

  it('turns a 404 into a ProviderError naming the call, without retrying', async () => {
    const github = client();
    const error = await failure(github.getPullRequest(9999));
    expect(error).toMatchObject({
      provider: 'github',
      operation: 'getPullRequest',
      status: 404,
      retryable: false,
    });
    expect(error.message).toBe('github getPullRequest failed: 404 Not Found');
    expect(github.usage().requests).toBe(1);
  });

  it('reports a call that gets no answer in time as retryable with no status', async () => {
    const github = client({
      timeoutMs: 30,
      retry: { msPerSecond: 1, spaceWrites: false, retries: 0 },
    });
    sandbox.faults.configure({ latencyMs: 150 });
    const error = await failure(github.getPullRequest(1));
    expect(error).toMatchObject({
      operation: 'getPullRequest',
      status: undefined,
      retryable: true,
    });
    expect(error.message).toMatch(/no answer/);
  });

  it('rejects a wrong token with 401', async () => {
    const error = await failure(client({ token: 'wrong' }).getPullRequest(1));
    expect(error).toMatchObject({ status: 401, retryable: false });
    expect(error.message).toMatch(/Bad credentials/);
  });
});
