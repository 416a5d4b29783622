import { eq } from 'drizzle-orm';
import { summarizeTestCases } from '@/lib/domain/test-results';
import type { Database } from '../client';
import {
  ciRuns,
  type CiRun,
  type NewCiRun,
  type NewTestCase,
  type NewTestRun,
  type NewUptimeCheck,
  testCases,
  type TestRun,
  testRuns,
  uptimeChecks,
} from '../schema';
import { compiledPerShape } from '../compiled-statement';
import { refreshTouched, type Touch } from '../rollups/touched';
import { refreshUptimeAfterChecks } from '../rollups/uptime-close';
import { chunk, insertAsJson } from './batch';
import { inTransaction } from './transaction';
import { fromExcluded, whenNotOlder } from './upsert';

/** What a later copy of a CI run replaces; its identity (run id, workflow, commit) stays. */
export const CI_RUN_STATE = [
  'status',
  'conclusion',
  'runAttempt',
  'startedAt',
  'completedAt',
  'queueMs',
  'durationMs',
  'pullRequestId',
] as const satisfies readonly (keyof CiRun)[];

/** A CI run replaces the stored copy unless that is newer. */
const ciRunConflict = () => ({
  target: ciRuns.githubRunId,
  set: fromExcluded([...CI_RUN_STATE, 'providerUpdatedAt']),
  setWhere: whenNotOlder('ci_runs'),
});

/** The rollup a CI run counts in: the day (and ISO week) it was created, in its project. */
const ciRunTouch = (row: Pick<CiRun, 'projectId' | 'providerCreatedAt'>): Touch => ({
  projectId: row.projectId,
  at: row.providerCreatedAt,
});

/**
 * Inserts runs or advances the stored copies; the CI rollups of the days and weeks of the runs
 * written are recomputed in the same transaction, once per project and span (a stale copy
 * changed nothing and refreshes nothing).
 */
export async function upsertCiRuns(db: Database, rows: readonly NewCiRun[]): Promise<CiRun[]> {
  if (rows.length === 0) return [];
  return inTransaction(db, async (tx) => {
    const written: CiRun[] = [];
    for (const slice of chunk(rows)) {
      written.push(
        ...(await tx.insert(ciRuns).values(slice).onConflictDoUpdate(ciRunConflict()).returning()),
      );
    }
    const stored = new Set(written.map((row) => row.githubRunId));
    const changed = [...rows.filter((row) => stored.has(row.githubRunId)), ...written];
    await refreshTouched(tx, 'ci', changed.map(ciRunTouch));
    return written;
  });
}

const upsertOneCiRun = compiledPerShape<NewCiRun, CiRun>((db, values) =>
  db.insert(ciRuns).values(values).onConflictDoUpdate(ciRunConflict()).returning(),
);

/**
 * One run, as each workflow_run and workflow_job webhook writes it: the same upsert as
 * upsertCiRuns, its SQL built once per shape, and the same rollup refresh.
 */
export async function upsertCiRun(db: Database, row: NewCiRun): Promise<CiRun | undefined> {
  return inTransaction(db, async (tx) => {
    const [written] = await upsertOneCiRun(tx, row);
    if (written) await refreshTouched(tx, 'ci', [ciRunTouch(row), ciRunTouch(written)]);
    return written;
  });
}

/**
 * Records that a finished run's test reports were looked at, and why they were not read when
 * they were refused; the sync does not fetch them again.
 */
export async function recordCiRunReportsRead(
  db: Database,
  githubRunId: number,
  outcome: { at: Date; error: string | null },
): Promise<void> {
  await db
    .update(ciRuns)
    .set({ reportsReadAt: outcome.at, reportError: outcome.error })
    .where(eq(ciRuns.githubRunId, githubRunId));
}

export type TestRunInput = Omit<
  NewTestRun,
  'total' | 'passed' | 'failed' | 'skipped' | 'flaky' | 'status'
>;
export type TestCaseInput = Omit<NewTestCase, 'testRunId' | 'suite'>;

/** The rollup a test report counts in: the day it started, in its project. */
const testRunTouch = (run: Pick<TestRun, 'projectId' | 'startedAt'>): Touch => ({
  projectId: run.projectId,
  at: run.startedAt,
});

/**
 * Stores a report and its cases in one transaction, with its day's test rollup. The counts are
 * derived from the cases, and a report already stored (same externalId) is left alone: returns
 * undefined.
 */
export async function recordTestRun(
  db: Database,
  run: TestRunInput,
  cases: readonly TestCaseInput[],
): Promise<TestRun | undefined> {
  const summary = summarizeTestCases(cases);
  return db.transaction(async (tx) => {
    const [stored] = await tx
      .insert(testRuns)
      .values({ ...run, ...summary })
      .onConflictDoNothing({ target: testRuns.externalId })
      .returning();
    if (!stored) return undefined;
    const rows = cases.map((testCase) => ({ ...testCase, testRunId: stored.id, suite: run.suite }));
    for (const slice of chunk(rows, 1000)) await tx.insert(testCases).values(slice);
    await refreshTouched(tx, 'tests', [testRunTouch(stored)]);
    return stored;
  });
}

export interface TestReport {
  run: TestRunInput;
  cases: readonly TestCaseInput[];
}

/**
 * Many reports in one transaction (backfills, the demo seed) under the same rules as
 * recordTestRun: counts derived from the cases, a report already stored left alone, the days of
 * the reports stored recomputed in the test rollup. A few statements for hundreds of reports
 * instead of four per report. Returns the runs it stored.
 */
export async function recordTestRuns(
  db: Database,
  reports: readonly TestReport[],
): Promise<TestRun[]> {
  const byExternalId = new Map<string, TestReport>();
  for (const report of reports) {
    if (!byExternalId.has(report.run.externalId)) byExternalId.set(report.run.externalId, report);
  }
  if (byExternalId.size === 0) return [];
  return db.transaction(async (tx) => {
    const stored: TestRun[] = [];
    for (const slice of chunk([...byExternalId.values()], 500)) {
      const values = slice.map(({ run, cases }) => ({ ...run, ...summarizeTestCases(cases) }));
      stored.push(
        ...(await tx
          .insert(testRuns)
          .values(values)
          .onConflictDoNothing({ target: testRuns.externalId })
          .returning()),
      );
    }
    const rows = stored.flatMap((run) =>
      byExternalId.get(run.externalId)!.cases.map((testCase) => ({
        ...testCase,
        testRunId: run.id,
        suite: run.suite,
        retries: testCase.retries ?? 0,
      })),
    );
    await insertAsJson(tx, testCases, TEST_CASE_COLUMNS, rows);
    await refreshTouched(tx, 'tests', stored.map(testRunTouch));
    return stored;
  });
}

const TEST_CASE_COLUMNS = [
  'testRunId',
  'suite',
  'file',
  'name',
  'status',
  'durationMs',
  'retries',
  'failureMessage',
] as const;

const UPTIME_CHECK_COLUMNS = [
  'environmentId',
  'checkedAt',
  'ok',
  'statusCode',
  'latencyMs',
  'error',
] as const;

/**
 * A check already stored for that environment and instant is left alone. The uptime rollup is
 * kept as refreshUptimeAfterChecks says, `now` (the write's time) deciding which day is today:
 * days before it that received checks are recomputed and yesterday is closed, today stays live.
 */
export async function recordUptimeChecks(
  db: Database,
  rows: readonly NewUptimeCheck[],
  { now = new Date() }: { now?: Date } = {},
): Promise<void> {
  if (rows.length === 0) return;
  await inTransaction(db, async (tx) => {
    await insertAsJson(tx, uptimeChecks, UPTIME_CHECK_COLUMNS, rows, { onConflictDoNothing: true });
    await refreshUptimeAfterChecks(tx, rows, now);
  });
}
