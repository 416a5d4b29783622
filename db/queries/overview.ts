import 'server-only';
import { and, desc, eq, min, ne, sql } from 'drizzle-orm';
import { type CommitChecks, type ServingEnvironment, sortSuites } from '@/lib/domain/overview';
import type { Database } from '../client';
import { ciRuns, deployments, environments, testRuns } from '../schema';
import { descNullsLast } from './keyset';

/**
 * How many commits staging is ahead of production: the distinct commits deployed to staging
 * after staging first deployed the commit production serves now. Null when production's commit
 * never went through staging, so there is no common point to count from. Rollbacks on staging
 * bring back old commits and are not counted.
 */
export async function countStagingAhead(
  db: Database,
  stagingId: number,
  productionSha: string,
): Promise<number | null> {
  const [anchor] = await db
    .select({ at: min(deployments.providerCreatedAt) })
    .from(deployments)
    .where(and(eq(deployments.environmentId, stagingId), eq(deployments.commitSha, productionSha)));
  if (!anchor?.at) return null;
  const [row] = await db
    .select({ ahead: sql<number>`count(distinct ${deployments.commitSha})::int`.mapWith(Number) })
    .from(deployments)
    .where(
      and(
        eq(deployments.environmentId, stagingId),
        sql`${deployments.providerCreatedAt} > ${anchor.at.toISOString()}::timestamptz`,
        ne(deployments.commitSha, productionSha),
        ne(deployments.source, 'rollback'),
      ),
    );
  return row?.ahead ?? 0;
}

/** The newest CI run and the newest run of each test suite on one commit. */
export async function getCommitChecks(
  db: Database,
  projectId: number,
  sha: string,
): Promise<CommitChecks> {
  const [ci, tests] = await Promise.all([
    db
      .select({
        workflowName: ciRuns.workflowName,
        status: ciRuns.status,
        conclusion: ciRuns.conclusion,
        htmlUrl: ciRuns.htmlUrl,
      })
      .from(ciRuns)
      .where(and(eq(ciRuns.projectId, projectId), eq(ciRuns.headSha, sha)))
      .orderBy(desc(ciRuns.providerCreatedAt), desc(ciRuns.id))
      .limit(1),
    db
      .selectDistinctOn([testRuns.suite], {
        suite: testRuns.suite,
        status: testRuns.status,
        runId: testRuns.id,
        failed: testRuns.failed,
        flaky: testRuns.flaky,
      })
      .from(testRuns)
      .where(and(eq(testRuns.projectId, projectId), eq(testRuns.commitSha, sha)))
      .orderBy(testRuns.suite, desc(testRuns.startedAt), desc(testRuns.id)),
  ]);
  return { ci: ci[0] ?? null, tests: sortSuites(tests) };
}

/** What an environment serves now, and its newest deployment when that is something else. */
async function getServing(
  db: Database,
  projectId: number,
  kind: 'production' | 'staging',
): Promise<ServingEnvironment | null> {
  const [environment] = await db
    .select({
      id: environments.id,
      slug: environments.slug,
      name: environments.name,
      url: environments.url,
      current: {
        state: deployments.state,
        source: deployments.source,
        commitSha: deployments.commitSha,
        commitMessage: deployments.commitMessage,
        commitAuthor: deployments.commitAuthor,
        createdAt: deployments.providerCreatedAt,
      },
    })
    .from(environments)
    .leftJoin(deployments, eq(deployments.id, environments.currentDeploymentId))
    .where(
      and(
        eq(environments.projectId, projectId),
        eq(environments.kind, kind),
        eq(environments.status, 'active'),
      ),
    )
    .orderBy(environments.id)
    .limit(1);
  if (!environment) return null;
  const [latest] = await db
    .select({
      state: deployments.state,
      commitSha: deployments.commitSha,
      createdAt: deployments.providerCreatedAt,
    })
    .from(deployments)
    .where(eq(deployments.environmentId, environment.id))
    .orderBy(descNullsLast(deployments.providerCreatedAt), descNullsLast(deployments.id))
    .limit(1);
  const checks = environment.current
    ? await getCommitChecks(db, projectId, environment.current.commitSha)
    : null;
  return { ...environment, latest: latest ?? null, checks };
}

/** Production beside staging, with how far staging is ahead. */
export async function getReleaseComparison(db: Database, projectId: number) {
  const [production, staging] = await Promise.all([
    getServing(db, projectId, 'production'),
    getServing(db, projectId, 'staging'),
  ]);
  const stagingAhead =
    production?.current && staging
      ? await countStagingAhead(db, staging.id, production.current.commitSha)
      : null;
  return { production, staging, stagingAhead };
}
