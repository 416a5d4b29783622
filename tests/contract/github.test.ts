import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProviderError } from '@/lib/providers/errors';
import { createGitHubClient } from '@/lib/providers/github/client';
import type { GitHubClient } from '@/lib/providers/github/types';
import { type GitHubSandbox, startGitHubSandbox } from '@/sandbox/github/emulator';
import { githubContract } from './support/documents';
import { ExchangeLog } from './support/exchanges';
import { describeDeparture, type OpenApiContract } from './support/openapi';

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
  return new Proxy(client, {
    get(target, key, receiver) {
      if (typeof key === 'string' && key !== 'usage') called.add(key);
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}

function departures(): string[] {
  return log.exchanges.flatMap((exchange) => contract.check(exchange).map(describeDeparture));
}

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
});
