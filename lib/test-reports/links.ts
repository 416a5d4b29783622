import { and, desc, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import {
  ciRuns,
  type Deployment,
  deployments,
  type Environment,
  environments,
  type PullRequest,
  pullRequests,
} from '@/db/schema';

/** What a report says about where its tests ran; each field is optional but the commit. */
export interface ReportTarget {
  commit: string;
  branch?: string;
  pr?: number;
  /** A Vercel deployment id (`dpl_…`), a deployment URL or an environment's URL. */
  deployment?: string;
  /** An environment's slug. */
  environment?: string;
  /** A GitHub Actions run id, when the uploader used one as its report id. */
  githubRunId?: number;
}

interface ReportLinks {
  pullRequestId: number | null;
  deploymentId: number | null;
  environmentId: number | null;
  ciRunId: number | null;
  /** Named by the uploader, else the pull request's or the deployment's branch. */
  branch: string | undefined;
}

/**
 * Ties a report to what envboard already knows. A pull request by number, else by head SHA,
 * else by branch; a deployment by id or URL, else by the commit on the named (or the pull
 * request's) environment, else the commit's newest deployment anywhere. What cannot be found
 * stays unlinked: a report may arrive before the sync has seen its pull request.
 */
export async function resolveReportLinks(
  db: Database,
  projectId: number,
  target: ReportTarget,
): Promise<ReportLinks> {
  const pullRequest = await findPullRequest(db, projectId, target);
  let environment = target.environment
    ? await findEnvironment(db, projectId, eq(environments.slug, target.environment))
    : undefined;
  let deployment: Deployment | undefined;
  if (target.deployment) {
    deployment = await findDeployment(db, projectId, deploymentMatch(target.deployment));
    if (!deployment && !target.deployment.startsWith('dpl_')) {
      const urls = urlForms(target.deployment);
      environment ??= await findEnvironment(db, projectId, inArray(environments.url, urls));
    }
  }
  if (!environment && !deployment && pullRequest) {
    environment = await findEnvironment(
      db,
      projectId,
      eq(environments.pullRequestId, pullRequest.id),
    );
  }
  if (!deployment) {
    const onCommit = eq(deployments.commitSha, target.commit);
    deployment = await findDeployment(
      db,
      projectId,
      environment ? and(onCommit, eq(deployments.environmentId, environment.id))! : onCommit,
    );
  }
  const ciRunId = target.githubRunId
    ? await findCiRun(db, projectId, target.githubRunId)
    : undefined;
  return {
    pullRequestId:
      pullRequest?.id ?? deployment?.pullRequestId ?? environment?.pullRequestId ?? null,
    deploymentId: deployment?.id ?? null,
    environmentId: deployment?.environmentId ?? environment?.id ?? null,
    ciRunId: ciRunId ?? null,
    branch:
      target.branch ?? pullRequest?.headBranch ?? deployment?.gitBranch ?? environment?.gitBranch,
  };
}

async function findPullRequest(
  db: Database,
  projectId: number,
  target: ReportTarget,
): Promise<PullRequest | undefined> {
  const inProject = eq(pullRequests.projectId, projectId);
  const first = async (condition: SQL) => {
    const [row] = await db
      .select()
      .from(pullRequests)
      .where(and(inProject, condition))
      // An open pull request before closed ones, then the newest.
      .orderBy(desc(eq(pullRequests.state, 'open')), desc(pullRequests.openedAt))
      .limit(1);
    return row;
  };
  if (target.pr !== undefined) return first(eq(pullRequests.number, target.pr));
  return (
    (await first(eq(pullRequests.headSha, target.commit))) ??
    (target.branch ? await first(eq(pullRequests.headBranch, target.branch)) : undefined)
  );
}

async function findEnvironment(
  db: Database,
  projectId: number,
  condition: SQL,
): Promise<Environment | undefined> {
  const [row] = await db
    .select()
    .from(environments)
    .where(and(eq(environments.projectId, projectId), condition))
    .orderBy(desc(eq(environments.status, 'active')), desc(environments.id))
    .limit(1);
  return row;
}

async function findDeployment(
  db: Database,
  projectId: number,
  condition: SQL,
): Promise<Deployment | undefined> {
  const [row] = await db
    .select()
    .from(deployments)
    .where(and(eq(deployments.projectId, projectId), condition))
    .orderBy(desc(deployments.providerCreatedAt), desc(deployments.id))
    .limit(1);
  return row;
}

async function findCiRun(db: Database, projectId: number, githubRunId: number) {
  const [row] = await db
    .select({ id: ciRuns.id })
    .from(ciRuns)
    .where(and(eq(ciRuns.projectId, projectId), eq(ciRuns.githubRunId, githubRunId)));
  return row?.id;
}

function deploymentMatch(reference: string): SQL {
  if (reference.startsWith('dpl_')) return eq(deployments.vercelId, reference);
  return or(...urlForms(reference).map((url) => eq(deployments.url, url)))!;
}

/** Vercel reports a deployment's URL without a scheme; people paste it with one. */
function urlForms(reference: string): string[] {
  const host = reference.replace(/^https?:\/\//i, '').replace(/\/+$/, '');
  return [host, `https://${host}`, `http://${host}`];
}
