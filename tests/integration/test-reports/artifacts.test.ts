import { eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { type Project, testCases, testRuns } from '@/db/schema';
import { upsertCiRuns } from '@/db/writes';
import { ProviderError } from '@/lib/providers/errors';
import { createGitHubClient } from '@/lib/providers/github/client';
import { DatabaseEtagCache } from '@/lib/wiring/database-etag-cache';
import { recordRunArtifacts, MAX_ARTIFACT_BYTES } from '@/lib/test-reports/artifacts';
import { type GitHubSandbox, startGitHubSandbox } from '@/sandbox/github/emulator';
import { junitXml, playwrightJson } from '../../fixtures/test-reports/builders';
import { createProject, createPullRequest } from '../../support/factories';
import { createTestDatabase } from '../../support/test-database';

const REPO = 'acme/shop';
const TOKEN = 'artifact-test-token';
const T0 = Date.UTC(2026, 2, 1, 12);
let clock = T0;
let sandbox: GitHubSandbox;
let handle: DatabaseHandle;
let project: Project;

beforeAll(async () => {
  handle = await createTestDatabase();
  sandbox = await startGitHubSandbox({
    repositories: [REPO],
    token: TOKEN,
    now: () => new Date(clock),
  });
  project = await createProject(handle.db, { githubOwner: 'acme', githubRepo: 'shop' });
});

afterAll(async () => {
  await sandbox?.close();
  await handle?.close();
});

const github = () =>
  createGitHubClient({
    baseUrl: sandbox.baseUrl,
    token: TOKEN,
    owner: 'acme',
    repo: 'shop',
    // ETags kept in Postgres, as the crons keep them: the zip must not go through that cache.
    etagCache: new DatabaseEtagCache(handle.db),
    retry: { msPerSecond: 1, spaceWrites: false },
    log: { warn: () => {}, error: () => {} },
  });

const UNIT = junitXml([
  { name: 'adds', file: 'src/cart.test.ts' },
  { name: 'totals', file: 'src/cart.test.ts', outcome: 'failed', message: 'expected 5 to be 4' },
]);
const E2E = playwrightJson([
  { title: 'pays' },
  {
    title: 'applies a coupon',
    attempts: ['failed', 'passed'],
    message: 'Error: coupon not applied',
  },
]);

/** A finished run on a pull request's branch with the artifacts CI would upload. */
function finishedRun(branch: string, files: Record<string, string | Uint8Array>) {
  clock += 60_000;
  const pr = sandbox.change.openPullRequest(REPO, { head: branch, title: `Change ${branch}` });
  const run = sandbox.change.startWorkflowRun(REPO, { branch });
  sandbox.change.completeWorkflowRun(REPO, run.id, {
    artifacts: [
      { name: 'test-results', sizeInBytes: 4096, files },
      { name: 'coverage', sizeInBytes: 100, files: { 'lcov.info': 'TN:' } },
    ],
  });
  return { pr, run };
}

describe('GitHub artifact downloads', () => {
  test('the client follows the 302 to the signed URL and returns the zip as bytes', async () => {
    const { run } = finishedRun('zip-bytes', {
      'junit.xml': UNIT,
      'screenshot.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 255]),
    });
    const client = github();
    const [artifact] = await client.listRunArtifacts(run.id, 'test-results');
    const zip = await client.downloadArtifact(artifact!.id);
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(['junit.xml', 'screenshot.png']);
    expect(strFromU8(files['junit.xml']!)).toBe(UNIT);
    expect([...files['screenshot.png']!]).toEqual([0x89, 0x50, 0x4e, 0x47, 0, 255]);
    // Twice, with the ETag cache warm: still the same bytes.
    expect(await client.downloadArtifact(artifact!.id)).toEqual(zip);
  });

  test('the API needs the token and answers 302; the signed URL needs none but expires', async () => {
    const { run } = finishedRun('zip-wire', { 'junit.xml': UNIT });
    const [artifact] = await github().listRunArtifacts(run.id, 'test-results');
    const url = `${sandbox.baseUrl}/repos/${REPO}/actions/artifacts/${artifact!.id}/zip`;
    expect((await fetch(url, { redirect: 'manual' })).status).toBe(401);
    const redirect = await fetch(url, {
      redirect: 'manual',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(redirect.status).toBe(302);
    const location = redirect.headers.get('location')!;
    const blob = await fetch(location);
    expect(blob.status).toBe(200);
    expect(blob.headers.get('content-type')).toBe('application/zip');
    expect((await fetch(location.replace(/sig=[^&]+/, 'sig=forged'))).status).toBe(403);
    clock += 2 * 60_000;
    expect((await fetch(location)).status).toBe(403);
  });

  test('an expired artifact is 410, reported as a ProviderError naming the call', async () => {
    const { run } = finishedRun('zip-expired', { 'junit.xml': UNIT });
    const [artifact] = await github().listRunArtifacts(run.id, 'test-results');
    clock += 91 * 24 * 3_600_000;
    const failure = await github()
      .downloadArtifact(artifact!.id)
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ProviderError);
    expect(failure).toMatchObject({ operation: 'downloadArtifact', status: 410, retryable: false });
  });
});

describe('recordRunArtifacts', () => {
  test('records every report in the test-results artifact, tied to the run, its PR and commit', async () => {
    const { pr, run } = finishedRun('artifact-ingest', {
      'unit/junit.xml': UNIT,
      'e2e/results.json': E2E,
      'coverage/coverage-summary.json': '{"total": {"lines": {"pct": 80}}}',
      'e2e/trace.zip': new Uint8Array([1, 2, 3]),
    });
    const stored = await createPullRequest(handle.db, project, {
      number: pr.number,
      headSha: pr.headSha,
      headBranch: 'artifact-ingest',
    });
    const client = github();
    const [workflowRun] = await client.listWorkflowRuns({ headSha: run.headSha });
    const [ciRun] = await upsertCiRuns(handle.db, [
      {
        projectId: project.id,
        githubRunId: run.id,
        workflowName: 'CI',
        event: 'pull_request',
        headBranch: 'artifact-ingest',
        headSha: run.headSha,
        status: 'completed',
        conclusion: 'success',
        providerCreatedAt: workflowRun!.createdAt,
        providerUpdatedAt: workflowRun!.updatedAt,
      },
    ]);

    const summary = await recordRunArtifacts(handle.db, project, client, workflowRun!);

    expect(summary.recorded.map((file) => [file.file, file.created])).toEqual([
      ['e2e/results.json', true],
      ['unit/junit.xml', true],
    ]);
    expect(summary.rejected).toEqual([
      {
        artifactId: summary.recorded[0]!.artifactId,
        file: 'coverage/coverage-summary.json',
        reason: expect.stringMatching(
          /^Playwright JSON does not look like a JSON reporter report: suites: /,
        ),
      },
    ]);
    const runs = await handle.db
      .select()
      .from(testRuns)
      .where(eq(testRuns.commitSha, run.headSha))
      .orderBy(testRuns.suite);
    expect(runs.map((row) => ({ ...row }))).toMatchObject([
      {
        suite: 'unit',
        status: 'failed',
        total: 2,
        failed: 1,
        branch: 'artifact-ingest',
        pullRequestId: stored.id,
        ciRunId: ciRun!.id,
        externalId: `github-artifact:${summary.recorded[1]!.artifactId}:unit/junit.xml`,
      },
      {
        suite: 'e2e',
        status: 'passed',
        total: 2,
        flaky: 1,
        pullRequestId: stored.id,
        ciRunId: ciRun!.id,
      },
    ]);
    const flaky = await handle.db
      .select()
      .from(testCases)
      .where(eq(testCases.testRunId, runs[1]!.id));
    expect(flaky.find((testCase) => testCase.name === 'applies a coupon')).toMatchObject({
      status: 'flaky',
      retries: 1,
      failureMessage: 'Error: coupon not applied',
    });
  });

  test('a second pass over the same run stores nothing new', async () => {
    const { run } = finishedRun('artifact-twice', { 'junit.xml': UNIT });
    const client = github();
    const [workflowRun] = await client.listWorkflowRuns({ headSha: run.headSha });
    const first = await recordRunArtifacts(handle.db, project, client, workflowRun!);
    const again = await recordRunArtifacts(handle.db, project, client, workflowRun!);
    expect(first.recorded.map((file) => file.created)).toEqual([true]);
    expect(again.recorded).toEqual([{ ...first.recorded[0], created: false }]);
    const rows = await handle.db.select().from(testRuns).where(eq(testRuns.commitSha, run.headSha));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ suite: 'unit', total: 2, pullRequestId: null });
  });

  test('passes over an artifact too big to fetch and one that expired once listed', async () => {
    clock += 60_000;
    const run = sandbox.change.startWorkflowRun(REPO, { branch: 'main' });
    sandbox.change.completeWorkflowRun(REPO, run.id, {
      artifacts: [{ name: 'test-results', sizeInBytes: MAX_ARTIFACT_BYTES + 1, files: {} }],
    });
    const client = github();
    const [bigRun] = await client.listWorkflowRuns({ headSha: run.headSha });
    const [big] = await client.listRunArtifacts(run.id);
    expect(await recordRunArtifacts(handle.db, project, client, bigRun!)).toEqual({
      recorded: [],
      rejected: [
        {
          artifactId: big!.id,
          reason: `the artifact is ${MAX_ARTIFACT_BYTES + 1} bytes, over ${MAX_ARTIFACT_BYTES}`,
        },
      ],
    });

    const { run: late } = finishedRun('artifact-late', { 'junit.xml': UNIT });
    const [lateRun] = await client.listWorkflowRuns({ headSha: late.headSha });
    const [expiring] = await client.listRunArtifacts(late.id, 'test-results');
    clock += 91 * 24 * 3_600_000;
    expect(await recordRunArtifacts(handle.db, project, client, lateRun!)).toEqual({
      recorded: [],
      rejected: [{ artifactId: expiring!.id, reason: 'the artifact has expired' }],
    });
  });

  test('a run without a test-results artifact records nothing', async () => {
    clock += 60_000;
    const run = sandbox.change.startWorkflowRun(REPO, { branch: 'main' });
    sandbox.change.completeWorkflowRun(REPO, run.id);
    const client = github();
    const [workflowRun] = await client.listWorkflowRuns({ headSha: run.headSha });
    expect(await recordRunArtifacts(handle.db, project, client, workflowRun!)).toEqual({
      recorded: [],
      rejected: [],
    });
  });
});
