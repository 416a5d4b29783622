import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import {
  getTestRun,
  listFailingTests,
  listFlakyTests,
  listSuiteSummaries,
  listTestRuns,
} from '@/db/queries/tests';
import type { Project } from '@/db/schema';
import type { TestCaseInput } from '@/db/writes';
import { decodeCursor } from '@/lib/paging';
import { createProject, createTestRun, DAY, makeCases } from '../support/factories';
import { createTestDatabase } from '../support/test-database';

const now = new Date('2026-03-31T12:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);

let handle: DatabaseHandle;
let project: Project;

/** A unit run of `login`, `search` and `checkout` (plus `new-test` when given a status). */
function unitCases(
  statuses: Partial<Record<'login' | 'search' | 'checkout' | 'new-test', TestCaseInput['status']>>,
) {
  const names = ['login', 'search', 'checkout', 'new-test'] as const;
  return names
    .filter((name) => name !== 'new-test' || statuses[name])
    .map((name) => ({
      file: `${name}.test.ts`,
      name,
      status: statuses[name] ?? 'passed',
      durationMs: 5,
      retries: statuses[name] === 'flaky' ? 1 : 0,
      failureMessage: statuses[name] && statuses[name] !== 'passed' ? `${name} broke` : null,
    }));
}

beforeAll(async () => {
  handle = await createTestDatabase();
  const { db } = handle;
  project = await createProject(db);
  // Four unit runs on main in the window: search flakes in 2, checkout in 1, new-test (only in
  // the last run) in 1. The last run also fails login for real.
  await createTestRun(db, project, { startedAt: daysAgo(4) }, unitCases({ search: 'flaky' }));
  await createTestRun(db, project, { startedAt: daysAgo(3) }, unitCases({ checkout: 'flaky' }));
  await createTestRun(db, project, { startedAt: daysAgo(2) }, unitCases({ search: 'flaky' }));
  await createTestRun(
    db,
    project,
    { startedAt: daysAgo(1) },
    unitCases({ login: 'failed', 'new-test': 'flaky' }),
  );
  // Outside the 30-day window: a flake that must not count.
  await createTestRun(db, project, { startedAt: daysAgo(45) }, unitCases({ login: 'flaky' }));
  // Feature branch failures are not "failing on main".
  await createTestRun(
    db,
    project,
    { startedAt: daysAgo(0.5), branch: 'feature-x' },
    unitCases({ checkout: 'failed' }),
  );
  await createTestRun(
    db,
    project,
    { suite: 'e2e', startedAt: daysAgo(1.5), coveragePct: 71.5 },
    makeCases(3),
  );
  // Another project's flakes never show.
  const other = await createProject(db);
  await createTestRun(db, other, { startedAt: daysAgo(1) }, unitCases({ search: 'flaky' }));
});

afterAll(async () => {
  await handle?.close();
});

describe('listTestRuns', () => {
  test('lists newest first and filters by suite, status and branch', async () => {
    const all = await listTestRuns(handle.db, project.id, {}, { limit: 50 });
    expect(all.rows).toHaveLength(7);
    const starts = all.rows.map((run) => run.startedAt.getTime());
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
    const e2e = await listTestRuns(handle.db, project.id, { suite: 'e2e' }, { limit: 50 });
    expect(e2e.rows.map((run) => [run.suite, run.coveragePct])).toEqual([['e2e', 71.5]]);
    const failed = await listTestRuns(handle.db, project.id, { status: 'failed' }, { limit: 50 });
    expect(failed.rows.map((run) => run.branch)).toEqual(['feature-x', 'main']);
    const feature = await listTestRuns(
      handle.db,
      project.id,
      { branch: 'feature-x' },
      { limit: 50 },
    );
    expect(feature.rows).toHaveLength(1);
  });

  test('pages with a cursor: no run twice, none missed, and the last page says so', async () => {
    const seen: number[] = [];
    let cursor: string | null | undefined;
    let pages = 0;
    do {
      const page = await listTestRuns(
        handle.db,
        project.id,
        {},
        { limit: 3, cursor: decodeCursor(cursor) },
      );
      seen.push(...page.rows.map((run) => run.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(7);
  });

  test('a page that ends exactly on the last row has no next cursor', async () => {
    const page = await listTestRuns(handle.db, project.id, {}, { limit: 7 });
    expect(page.rows).toHaveLength(7);
    expect(page.nextCursor).toBeNull();
  });
});

describe('getTestRun', () => {
  test('returns the failed cases first, then the flaky ones, with their messages', async () => {
    const latestMain = (
      await listTestRuns(handle.db, project.id, { branch: 'main', suite: 'unit' }, { limit: 1 })
    ).rows[0]!;
    const run = await getTestRun(handle.db, latestMain.id);
    expect(
      run?.cases.map((testCase) => [testCase.status, testCase.name, testCase.failureMessage]),
    ).toEqual([
      ['failed', 'login', 'login broke'],
      ['flaky', 'new-test', 'new-test broke'],
    ]);
    expect(run).toMatchObject({ total: 4, passed: 2, failed: 1, flaky: 1, projectId: project.id });
  });

  test('is undefined for a run that does not exist', async () => {
    expect(await getTestRun(handle.db, 999_999)).toBeUndefined();
  });
});

describe('listFlakyTests', () => {
  test('ranks by flaky occurrences over runs of that test in the window', async () => {
    const flaky = await listFlakyTests(handle.db, project.id, { now, days: 30, limit: 10 });
    expect(flaky.map((test) => [test.name, test.flakyRuns, test.totalRuns])).toEqual([
      ['new-test', 1, 1],
      ['search', 2, 5],
      ['checkout', 1, 5],
    ]);
    expect(flaky[1]!.flakeRate).toBeCloseTo(0.4);
    expect(flaky[1]!.lastFlakedAt).toEqual(daysAgo(2));
  });

  test('a shorter window drops older flakes; the limit cuts the ranking', async () => {
    const lastTwoDays = await listFlakyTests(handle.db, project.id, { now, days: 2.5, limit: 10 });
    expect(lastTwoDays.map((test) => test.name)).toEqual(['new-test', 'search']);
    const top = await listFlakyTests(handle.db, project.id, { now, days: 30, limit: 1 });
    expect(top.map((test) => test.name)).toEqual(['new-test']);
  });
});

describe('listFailingTests', () => {
  test('lists the failures of the latest production-branch run of each suite', async () => {
    const failing = await listFailingTests(handle.db, project.id, { limit: 10 });
    expect(
      failing.map((test) => [test.suite, test.name, test.branch, test.failureMessage]),
    ).toEqual([['unit', 'login', 'main', 'login broke']]);
  });
});

describe('listSuiteSummaries', () => {
  test('gives each suite its latest production-branch run and its record in the window', async () => {
    const suites = await listSuiteSummaries(handle.db, project, { now, days: 30 });
    expect(
      suites.map((suite) => [suite.suite, suite.runsInWindow, suite.failedRunsInWindow]),
    ).toEqual([
      ['unit', 4, 1],
      ['integration', 0, 0],
      ['e2e', 1, 0],
    ]);
    expect(suites[0]!.latestRun?.startedAt).toEqual(daysAgo(1));
    expect(suites[1]!.latestRun).toBeNull();
    expect(suites[2]!.latestRun?.coveragePct).toBe(71.5);
  });
});
