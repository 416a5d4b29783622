import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { dbBranches, deployments, environments } from '@/db/schema';
import type { BranchEnvironment } from './vercel-lines';

export interface CostEnvironment extends BranchEnvironment {
  /** The Neon branch the environment's database lives on, when linked. */
  neonBranchId: string | null;
}

/**
 * Every environment of the project, deleted ones included: a cost sync re-reads past days, when
 * an environment since deleted was still live and used.
 */
export async function loadCostEnvironments(
  db: Database,
  projectId: number,
): Promise<CostEnvironment[]> {
  return db
    .select({
      id: environments.id,
      pullRequestId: environments.pullRequestId,
      gitBranch: environments.gitBranch,
      createdAt: environments.createdAt,
      deletedAt: environments.deletedAt,
      neonBranchId: dbBranches.neonBranchId,
    })
    .from(environments)
    .leftJoin(dbBranches, eq(dbBranches.id, environments.dbBranchId))
    .where(eq(environments.projectId, projectId))
    .orderBy(environments.id);
}

/** Vercel deployment id → environment, for the ids a billing row was tagged with. */
export async function environmentsOfDeployments(
  db: Database,
  projectId: number,
  vercelIds: readonly string[],
): Promise<Map<string, number>> {
  if (vercelIds.length === 0) return new Map();
  const rows = await db
    .select({ vercelId: deployments.vercelId, environmentId: deployments.environmentId })
    .from(deployments)
    .where(
      and(eq(deployments.projectId, projectId), inArray(deployments.vercelId, [...vercelIds])),
    );
  return new Map(rows.map((row) => [row.vercelId, row.environmentId]));
}
