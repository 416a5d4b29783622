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
import { chunk, insertAsJson } from './batch';
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

export async function upsertCiRuns(db: Database, rows: readonly NewCiRun[]): Promise<CiRun[]> {
  const written: CiRun[] = [];
  for (const slice of chunk(rows)) {
    written.push(
      ...(await db.insert(ciRuns).values(slice).onConflictDoUpdate(ciRunConflict()).returning()),
    );
  }
  return written;
}

const upsertOneCiRun = compiledPerShape<NewCiRun, CiRun>((db, values) =>
  db.insert(ciRuns).values(values).onConflictDoUpdate(ciRunConflict()).returning(),
);

/**
 * One run, as each workflow_run and workflow_job webhook writes it: the same upsert as
 * upsertCiRuns, its SQL built once per shape.
 */
export async function upsertCiRun(db: Database, row: NewCiRun): Promise<CiRun | undefined> {
  const [written] = await upsertOneCiRun(db, row);
  return written;
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

/**
 * Stores a report and its cases in one transaction. The counts are derived from the cases, and a
 * report already stored (same externalId) is left alone: returns undefined.
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
    return stored;
  });
}

export interface TestReport {
  run: TestRunInput;
  cases: readonly TestCaseInput[];
}

/**
 * Many reports in one transaction (backfills, the demo seed) under the same rules as
 * recordTestRun: counts derived from the cases, a report already stored left alone. A few
 * statements for hundreds of reports instead of four per report. Returns the runs it stored.
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

/** A check already stored for that environment and instant is left alone. */
export async function recordUptimeChecks(
  db: Database,
  rows: readonly NewUptimeCheck[],
): Promise<void> {
  await insertAsJson(db, uptimeChecks, UPTIME_CHECK_COLUMNS, rows, { onConflictDoNothing: true });
}
