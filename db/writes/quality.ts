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
import { chunk } from './batch';
import { fromExcluded, whenNotOlder } from './upsert';

export async function upsertCiRuns(db: Database, rows: readonly NewCiRun[]): Promise<CiRun[]> {
  const written: CiRun[] = [];
  for (const slice of chunk(rows)) {
    written.push(
      ...(await db
        .insert(ciRuns)
        .values(slice)
        .onConflictDoUpdate({
          target: ciRuns.githubRunId,
          set: fromExcluded([
            'status',
            'conclusion',
            'runAttempt',
            'startedAt',
            'completedAt',
            'queueMs',
            'durationMs',
            'pullRequestId',
            'providerUpdatedAt',
          ]),
          setWhere: whenNotOlder('ci_runs'),
        })
        .returning()),
    );
  }
  return written;
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

export async function recordUptimeChecks(
  db: Database,
  rows: readonly NewUptimeCheck[],
): Promise<void> {
  for (const slice of chunk(rows, 2000)) {
    await db.insert(uptimeChecks).values(slice).onConflictDoNothing();
  }
}
