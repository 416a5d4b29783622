import 'server-only';
import { and, desc, eq, inArray, or } from 'drizzle-orm';
import type { Database } from '../client';
import { pullRequests, testRuns } from '../schema';

/** The project's pull requests whose head is one of `shas` or whose number is in `numbers`. */
export async function pullRequestsOfCommits(
  db: Database,
  projectId: number,
  shas: readonly string[],
  numbers: readonly number[],
) {
  if (shas.length === 0 && numbers.length === 0) return [];
  return db
    .select({
      number: pullRequests.number,
      title: pullRequests.title,
      htmlUrl: pullRequests.htmlUrl,
      headSha: pullRequests.headSha,
    })
    .from(pullRequests)
    .where(
      and(
        eq(pullRequests.projectId, projectId),
        or(
          shas.length ? inArray(pullRequests.headSha, [...shas]) : undefined,
          numbers.length ? inArray(pullRequests.number, [...numbers]) : undefined,
        ),
      ),
    );
}

/** The test runs reported on exactly this commit, newest first. */
export async function testRunsOnCommit(db: Database, projectId: number, commitSha: string) {
  return db
    .select({
      id: testRuns.id,
      suite: testRuns.suite,
      status: testRuns.status,
      passed: testRuns.passed,
      failed: testRuns.failed,
      flaky: testRuns.flaky,
      startedAt: testRuns.startedAt,
    })
    .from(testRuns)
    .where(and(eq(testRuns.commitSha, commitSha), eq(testRuns.projectId, projectId)))
    .orderBy(desc(testRuns.startedAt))
    .limit(50);
}
