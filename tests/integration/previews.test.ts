import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { countPreviewTabs, listPreviewAuthors, listPreviews } from '@/db/queries/previews';
import type { Project } from '@/db/schema';
import { upsertDbBranch } from '@/db/writes';
import { decodeCursor } from '@/lib/paging';
import * as f from '../support/factories';
import { createTestDatabase } from '../support/test-database';

let handle: DatabaseHandle;
let project: Project;

const at = (iso: string) => new Date(iso);
const numbers = (rows: { pullRequest: { number: number } }[]) =>
  rows.map((row) => row.pullRequest.number);

/** An open pull request with a preview environment, a database branch and deployments. */
async function openPreview(
  db: DatabaseHandle['db'],
  number: number,
  {
    author = 'alice',
    openedAt,
    states = ['ready'],
  }: { author?: string; openedAt: string; states?: ('ready' | 'error' | 'building')[] },
) {
  const pr = await f.createPullRequest(db, project, {
    number,
    author,
    openedAt: at(openedAt),
    htmlUrl: `https://github.com/acme/app/pull/${number}`,
  });
  const branch = await upsertDbBranch(db, {
    projectId: project.id,
    neonBranchId: `br-pr-${number}`,
    name: `preview/pr-${number}`,
    state: 'ready',
    expiresAt: at('2026-01-20T00:00:00Z'),
    providerCreatedAt: at(openedAt),
    providerUpdatedAt: at(openedAt),
  });
  const environment = await f.createEnvironment(db, project, {
    kind: 'preview',
    slug: `pr-${number}`,
    pullRequestId: pr.id,
    dbBranchId: branch!.id,
    expiresAt: at('2026-01-20T00:00:00Z'),
  });
  await f.createDeployments(
    db,
    environment,
    states.map((state, index) => ({
      state,
      pullRequestId: pr.id,
      providerCreatedAt: new Date(at(openedAt).getTime() + (index + 1) * f.HOUR),
    })),
  );
  return { pr, environment };
}

beforeAll(async () => {
  handle = await createTestDatabase();
  const { db } = handle;
  project = await f.createProject(db);

  const first = await openPreview(db, 101, { openedAt: '2026-01-01T00:00:00Z' });
  // The latest deployment decides the state: ready earlier, then a failed build.
  await openPreview(db, 102, {
    author: 'bob',
    openedAt: '2026-01-02T00:00:00Z',
    states: ['ready', 'error'],
  });
  await openPreview(db, 103, { openedAt: '2026-01-03T00:00:00Z', states: ['building'] });
  // An open pull request whose preview was never created still gets a row.
  await f.createPullRequest(db, project, {
    number: 104,
    author: 'carol',
    openedAt: at('2026-01-04T00:00:00Z'),
  });
  await f.createPullRequest(db, project, {
    number: 90,
    author: 'dave',
    state: 'merged',
    openedAt: at('2025-12-01T00:00:00Z'),
    mergedAt: at('2025-12-02T00:00:00Z'),
    closedAt: at('2025-12-02T00:00:00Z'),
  });
  await f.createPullRequest(db, project, {
    number: 91,
    author: 'erin',
    state: 'closed',
    openedAt: at('2025-12-05T00:00:00Z'),
    closedAt: at('2025-12-06T00:00:00Z'),
  });

  // Tests for #101: an older failing unit run, then a passing one; an e2e run with a flaky case.
  await f.createTestRun(
    db,
    project,
    { suite: 'unit', pullRequestId: first.pr.id, startedAt: at('2026-01-01T01:00:00Z') },
    f.makeCases(4, { 0: 'failed' }),
  );
  await f.createTestRun(
    db,
    project,
    { suite: 'unit', pullRequestId: first.pr.id, startedAt: at('2026-01-01T02:00:00Z') },
    f.makeCases(4),
  );
  await f.createTestRun(
    db,
    project,
    { suite: 'e2e', pullRequestId: first.pr.id, startedAt: at('2026-01-01T03:00:00Z') },
    f.makeCases(3, { 2: 'flaky' }),
  );

  // Costs for #101: one sample tagged with the pull request, one only with its environment.
  await f.createCostSamples(db, project, [
    { day: '2026-01-01', amountUsd: 1.5, pullRequestId: first.pr.id, metric: 'builds' },
    { day: '2026-01-02', amountUsd: 0.25, environmentId: first.environment.id, metric: 'compute' },
    { day: '2026-01-02', amountUsd: 40, metric: 'seats' },
  ]);
});

afterAll(async () => {
  await handle?.close();
});

describe('listPreviews', () => {
  test('lists one row per open pull request, newest first, with or without a preview', async () => {
    const page = await listPreviews(handle.db, project.id, { tab: 'open' }, { limit: 50 });
    expect(numbers(page.rows)).toEqual([104, 103, 102, 101]);
    const withoutPreview = page.rows[0]!;
    expect(withoutPreview.environment).toBeNull();
    expect(withoutPreview.deployment).toBeNull();
    expect(withoutPreview.tests.verdict).toBe('none');
  });

  test('shows the latest deployment state, the database branch and the expiry', async () => {
    const page = await listPreviews(handle.db, project.id, { tab: 'open' }, { limit: 50 });
    const byNumber = new Map(page.rows.map((row) => [row.pullRequest.number, row]));
    expect(byNumber.get(102)!.deployment!.state).toBe('error');
    expect(byNumber.get(103)!.deployment!.state).toBe('building');
    expect(byNumber.get(101)).toMatchObject({
      pullRequest: { htmlUrl: 'https://github.com/acme/app/pull/101', author: 'alice' },
      environment: { slug: 'pr-101', expiresAt: at('2026-01-20T00:00:00Z') },
      dbBranch: { name: 'preview/pr-101', neonBranchId: 'br-pr-101' },
    });
  });

  test('summarises the latest run of each suite and the cost attributed to the pull request', async () => {
    const page = await listPreviews(handle.db, project.id, { tab: 'open' }, { limit: 50 });
    const row = page.rows.find((item) => item.pullRequest.number === 101)!;
    expect(row.tests.suites.map((suite) => [suite.suite, suite.status])).toEqual([
      ['unit', 'passed'],
      ['e2e', 'passed'],
    ]);
    expect(row.tests).toMatchObject({ verdict: 'flaky', failed: 0, flaky: 1, passed: 6 });
    expect(row.cost.costSoFarUsd).toBeCloseTo(1.75);
    expect(page.rows.find((item) => item.pullRequest.number === 102)!.cost.costSoFarUsd).toBe(0);
  });

  test('projects each preview’s cost to its expiry from its recent daily rate, and flags it over the threshold', async () => {
    const page = await listPreviews(
      handle.db,
      project.id,
      { tab: 'open' },
      { limit: 50 },
      { now: at('2026-01-03T00:00:00Z'), thresholdUsd: 5 },
    );
    const row = page.rows.find((item) => item.pullRequest.number === 101)!;
    // $1.75 over the two days it cost anything in the last three; 17 days until 20 Jan.
    expect(row.cost.dailyRateUsd).toBeCloseTo(0.875);
    expect(row.cost.daysLeft).toBe(17);
    expect(row.cost.projectedUsd).toBeCloseTo(1.75 + 0.875 * 17);
    expect(row.cost.overThreshold).toBe(true);
    const idle = page.rows.find((item) => item.pullRequest.number === 103)!;
    expect(idle.cost).toMatchObject({ costSoFarUsd: 0, projectedUsd: 0, overThreshold: false });
  });

  test('filters by author and by deployment state', async () => {
    const bob = await listPreviews(
      handle.db,
      project.id,
      { tab: 'open', author: 'bob' },
      { limit: 50 },
    );
    expect(numbers(bob.rows)).toEqual([102]);
    const failing = await listPreviews(
      handle.db,
      project.id,
      { tab: 'open', state: 'error' },
      { limit: 50 },
    );
    expect(numbers(failing.rows)).toEqual([102]);
    const ready = await listPreviews(
      handle.db,
      project.id,
      { tab: 'open', state: 'ready' },
      { limit: 50 },
    );
    expect(numbers(ready.rows)).toEqual([101]);
  });

  test('puts closed and merged pull requests on the closed tab', async () => {
    const page = await listPreviews(handle.db, project.id, { tab: 'closed' }, { limit: 50 });
    expect(numbers(page.rows)).toEqual([91, 90]);
    expect(page.rows.map((row) => row.pullRequest.state)).toEqual(['closed', 'merged']);
  });

  test('pages with a cursor without repeating or skipping a pull request', async () => {
    const first = await listPreviews(handle.db, project.id, { tab: 'open' }, { limit: 3 });
    expect(numbers(first.rows)).toEqual([104, 103, 102]);
    expect(first.nextCursor).not.toBeNull();
    const second = await listPreviews(
      handle.db,
      project.id,
      { tab: 'open' },
      { limit: 3, cursor: decodeCursor(first.nextCursor) },
    );
    expect(numbers(second.rows)).toEqual([101]);
    expect(second.nextCursor).toBeNull();
  });
});

describe('tab counts and authors', () => {
  test('count open and closed pull requests and list each tab’s authors', async () => {
    expect(await countPreviewTabs(handle.db, project.id)).toEqual({ open: 4, closed: 2 });
    expect(await listPreviewAuthors(handle.db, project.id, 'open')).toEqual([
      'alice',
      'bob',
      'carol',
    ]);
    expect(await listPreviewAuthors(handle.db, project.id, 'closed')).toEqual(['dave', 'erin']);
  });
});
