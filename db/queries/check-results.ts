import 'server-only';
import { and, inArray } from 'drizzle-orm';
import type { Database } from '../client';
import { type CiRun, ciRuns, type TestRun, testRuns } from '../schema';

/** The CI runs and test reports of one commit that a gate asks about. */
export interface CheckResults {
  ciRuns: Pick<
    CiRun,
    'workflowName' | 'status' | 'conclusion' | 'runAttempt' | 'providerCreatedAt'
  >[];
  testRuns: Pick<TestRun, 'suite' | 'status' | 'startedAt'>[];
}

/** The names a test report's suite can take; other check names can only be CI workflows. */
const TEST_SUITES = ['unit', 'integration', 'e2e'] as const;
const isTestSuite = (name: string): name is (typeof TEST_SUITES)[number] =>
  (TEST_SUITES as readonly string[]).includes(name);

/**
 * CI runs and test reports of many commits, limited to the names each gate asks about: one query
 * for the runs and one for the reports, however many commits, grouped by (project, commit).
 * Every run and report of a name is returned (not only the newest) so that the gate alone decides
 * which one counts.
 */
export async function getCheckResultsByCommit(
  db: Database,
  commits: readonly { projectId: number; commitSha: string; names: readonly string[] }[],
): Promise<(projectId: number, commitSha: string) => CheckResults> {
  const key = (projectId: number, commitSha: string) => `${projectId}:${commitSha}`;
  const asked = new Map(commits.map((c) => [key(c.projectId, c.commitSha), new Set(c.names)]));
  const names = [...new Set(commits.flatMap((c) => c.names))];
  const projectIds = [...new Set(commits.map((c) => c.projectId))];
  const shas = [...new Set(commits.map((c) => c.commitSha))];
  const suites = names.filter(isTestSuite);
  const [runs, reports] = await Promise.all([
    names.length === 0
      ? Promise.resolve([])
      : db
          .select({
            projectId: ciRuns.projectId,
            commitSha: ciRuns.headSha,
            workflowName: ciRuns.workflowName,
            status: ciRuns.status,
            conclusion: ciRuns.conclusion,
            runAttempt: ciRuns.runAttempt,
            providerCreatedAt: ciRuns.providerCreatedAt,
          })
          .from(ciRuns)
          .where(
            and(
              inArray(ciRuns.projectId, projectIds),
              inArray(ciRuns.headSha, shas),
              inArray(ciRuns.workflowName, names),
            ),
          ),
    suites.length === 0
      ? Promise.resolve([])
      : db
          .select({
            projectId: testRuns.projectId,
            commitSha: testRuns.commitSha,
            suite: testRuns.suite,
            status: testRuns.status,
            startedAt: testRuns.startedAt,
          })
          .from(testRuns)
          .where(
            and(
              inArray(testRuns.projectId, projectIds),
              inArray(testRuns.commitSha, shas),
              inArray(testRuns.suite, suites),
            ),
          ),
  ]);
  const grouped = new Map<string, CheckResults>();
  const resultsOf = (projectId: number, commitSha: string) => {
    const at = key(projectId, commitSha);
    let results = grouped.get(at);
    if (!results) grouped.set(at, (results = { ciRuns: [], testRuns: [] }));
    return results;
  };
  // The union of names over-fetches across commits; keep each commit to what its gate asked.
  for (const { projectId, commitSha, ...run } of runs) {
    if (asked.get(key(projectId, commitSha))?.has(run.workflowName))
      resultsOf(projectId, commitSha).ciRuns.push(run);
  }
  for (const { projectId, commitSha, ...report } of reports) {
    if (commitSha && asked.get(key(projectId, commitSha))?.has(report.suite))
      resultsOf(projectId, commitSha).testRuns.push(report);
  }
  return (projectId, commitSha) =>
    grouped.get(key(projectId, commitSha)) ?? { ciRuns: [], testRuns: [] };
}
