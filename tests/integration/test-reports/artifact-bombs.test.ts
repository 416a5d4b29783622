import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { ciRuns, type Project, testRuns } from '@/db/schema';
import { applyWorkflowRun } from '@/lib/reconcile';
import { githubWorkflowRunsJob } from '@/lib/sync/github-workflow-runs';
import { runSync } from '@/lib/sync/run-sync';
import { type GitHubSandbox, startGitHubSandbox } from '@/sandbox/github/emulator';
import { junitXml } from '../../fixtures/test-reports/builders';
import {
  zipDeclaringSize,
  zipWithEntries,
  zipWithOverlappingEntries,
} from '../../fixtures/test-reports/zip-bombs';
import { createProject } from '../../support/factories';
import { createTestDatabase } from '../../support/test-database';
import { GITHUB_TOKEN, githubClient } from '../sync/support';

const REPO = 'acme/shop';
let sandbox: GitHubSandbox;
let handle: DatabaseHandle;
let project: Project;

beforeAll(async () => {
  handle = await createTestDatabase();
  sandbox = await startGitHubSandbox({ repositories: [REPO], token: GITHUB_TOKEN });
  project = await createProject(handle.db, { githubOwner: 'acme', githubRepo: 'shop' });
});

afterAll(async () => {
  await sandbox?.close();
  await handle?.close();
});

const UNIT = junitXml([{ name: 'adds', file: 'src/cart.test.ts' }]);

/** A finished run on main whose test-results artifact is exactly `zip` (or holds `files`). */
function finishedRun(
  artifact: { zip?: Uint8Array; files?: Record<string, string> },
  fork?: string,
) {
  const run = sandbox.change.startWorkflowRun(REPO, { branch: 'main', fork });
  sandbox.change.completeWorkflowRun(REPO, run.id, {
    artifacts: [{ name: 'test-results', sizeInBytes: 4096, ...artifact }],
  });
  return run.id;
}

const syncRuns = () =>
  runSync(
    handle.db,
    githubWorkflowRunsJob({ github: githubClient(sandbox.baseUrl, handle.db) }, project),
  );

async function stored(runId: number) {
  const [run] = await handle.db.select().from(ciRuns).where(eq(ciRuns.githubRunId, runId));
  const reports = await handle.db.select().from(testRuns).where(eq(testRuns.ciRunId, run!.id));
  return { reportError: run!.reportError, status: run!.status, reports: reports.length };
}

describe('test-results artifacts the sync refuses', () => {
  test('bombs and forks mark their run failed with the reason; the good run is read; the cursor moves on', async () => {
    const good = finishedRun({ files: { 'unit/junit.xml': UNIT } });
    const huge = finishedRun({ zip: zipDeclaringSize(UNIT, 0xfffffffe) });
    const crowded = finishedRun({ zip: zipWithEntries(1_001) });
    const overlapping = finishedRun({ zip: zipWithOverlappingEntries(UNIT, 10) });
    const forked = finishedRun({ files: { 'unit/junit.xml': UNIT } }, 'mallory/shop');

    const first = await syncRuns();
    expect(first.status).toBe('succeeded');
    expect(await stored(good)).toEqual({ reportError: null, status: 'completed', reports: 1 });
    expect(await stored(huge)).toEqual({
      reportError: expect.stringMatching(
        /^artifact \d+: the artifact declares more than 104857600 bytes once inflated$/,
      ),
      status: 'completed',
      reports: 0,
    });
    expect((await stored(crowded)).reportError).toMatch(
      /^artifact \d+: the artifact holds 1001 files, over the limit of 1000$/,
    );
    expect((await stored(overlapping)).reportError).toMatch(
      /^artifact \d+: the artifact's entries r\d\.xml and r\d\.xml overlap \(a zip bomb's shape\)$/,
    );
    expect(await stored(forked)).toEqual({
      reportError: 'the run is from mallory/shop, not acme/shop',
      status: 'completed',
      reports: 0,
    });
    // Each bomb is named on the Sync page too; the fork's run is routine, not an error.
    expect(first.errors).toHaveLength(3);
    expect(first.errors.join('\n')).not.toContain('mallory');

    // Nothing is fetched again: the next run is one listing, answered 304.
    const second = await syncRuns();
    expect(second).toMatchObject({ status: 'succeeded', apiCalls: 1, itemsChanged: 0, errors: [] });
    expect(new Date(second.cursor!).getTime()).toBeGreaterThanOrEqual(
      new Date(first.cursor!).getTime(),
    );
  });

  test('a run a webhook stored as completed first still has its reports read by the sync, once', async () => {
    const runId = finishedRun({ files: { 'unit/junit.xml': UNIT } });
    const github = githubClient(sandbox.baseUrl, handle.db);
    const [run] = (await github.listWorkflowRuns({})).filter((listed) => listed.id === runId);
    // What the workflow_run "completed" webhook stores, before any sync.
    await applyWorkflowRun(handle.db, project, run!);
    expect(await stored(runId)).toMatchObject({ status: 'completed', reports: 0 });

    expect(await syncRuns()).toMatchObject({ status: 'succeeded', errors: [] });
    expect(await stored(runId)).toEqual({ reportError: null, status: 'completed', reports: 1 });
    expect(await syncRuns()).toMatchObject({ apiCalls: 1, itemsChanged: 0 });
  });
});
