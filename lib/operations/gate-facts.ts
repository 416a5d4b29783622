import type { Database } from '@/db/client';
import { getCheckResultsByCommit } from '@/db/queries/check-results';
import { type DeploymentContext, getDeploymentContexts } from '@/db/queries/operation-contexts';
import { getProductionServing } from '@/db/queries/production-serving';
import type { Environment } from '@/db/schema';
import { promotionGate } from './promotion-gate';
import type { PreconditionFailure } from './result';

export interface PromotionEvaluation extends DeploymentContext {
  production: Environment | undefined;
  failures: PreconditionFailure[];
}

/**
 * Reads what the promotion gate needs for many deployments and evaluates it for each, keyed by
 * deployment id (unknown ids are left out). The reads do not grow with the number of
 * deployments: their contexts and database branches in one query, the check results of all
 * their commits in two, and production once per project (a page lists one project, and its
 * render reads production once for all its offers).
 */
export async function evaluatePromotions(
  db: Database,
  deploymentIds: readonly number[],
  now: Date,
): Promise<Map<number, PromotionEvaluation>> {
  const contexts = [...(await getDeploymentContexts(db, deploymentIds)).values()];
  const projectIds = [...new Set(contexts.map((context) => context.project.id))];
  const [servings, checksOf] = await Promise.all([
    Promise.all(
      projectIds.map(async (id) => [id, await getProductionServing(db, id)] as const),
    ).then((entries) => new Map(entries)),
    getCheckResultsByCommit(
      db,
      contexts.map(({ project, deployment }) => ({
        projectId: project.id,
        commitSha: deployment.commitSha,
        names: project.requiredChecks,
      })),
    ),
  ]);
  return new Map(
    contexts.map((context) => {
      const { deployment, environment, project, dbBranch } = context;
      const { production, current } = servings.get(project.id) ?? {};
      const failures = promotionGate(
        {
          deployment,
          sourceEnvironment: environment,
          production,
          served: current,
          dbBranch,
          requiredChecks: project.requiredChecks,
          ...checksOf(project.id, deployment.commitSha),
        },
        now,
      );
      return [deployment.id, { ...context, production, failures }];
    }),
  );
}

/** The promotion gate for one deployment: the same reads and rule as for a page of them. */
export async function evaluatePromotion(
  db: Database,
  deploymentId: number,
  now: Date,
): Promise<PromotionEvaluation | undefined> {
  return (await evaluatePromotions(db, [deploymentId], now)).get(deploymentId);
}
