import type { Database } from '@/db/client';
import {
  getCheckResults,
  getDbBranch,
  getDeploymentContext,
  getProductionEnvironment,
} from '@/db/queries/operations';
import { promotionGate } from './promotion-gate';

/** Reads what the promotion gate needs for a deployment and evaluates it. */
export async function evaluatePromotion(db: Database, deploymentId: number, now: Date) {
  const context = await getDeploymentContext(db, deploymentId);
  if (!context) return undefined;
  const { deployment, environment, project } = context;
  const [production, dbBranch, checks] = await Promise.all([
    getProductionEnvironment(db, project.id),
    getDbBranch(db, environment.dbBranchId),
    getCheckResults(db, project.id, deployment.commitSha, project.requiredChecks),
  ]);
  const failures = promotionGate(
    {
      deployment,
      sourceEnvironment: environment,
      production,
      dbBranch,
      requiredChecks: project.requiredChecks,
      ...checks,
    },
    now,
  );
  return { ...context, production, failures };
}
