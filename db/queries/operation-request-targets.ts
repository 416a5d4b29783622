import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../client';
import { deployments, environments } from '../schema';
import { getActiveEnvironmentOfKind } from './environment-of-kind';

/** A project's deployment by its Vercel id (`dpl_…`), the name a CI job knows it by. */
export async function findDeploymentIdByVercelId(
  db: Database,
  projectId: number,
  vercelId: string,
): Promise<number | undefined> {
  const [row] = await db
    .select({ id: deployments.id })
    .from(deployments)
    .where(and(eq(deployments.projectId, projectId), eq(deployments.vercelId, vercelId)))
    .limit(1);
  return row?.id;
}

/** A project's environment by its slug (`pr-1292`, `staging`). */
export async function findEnvironmentIdBySlug(
  db: Database,
  projectId: number,
  slug: string,
): Promise<number | undefined> {
  const [row] = await db
    .select({ id: environments.id })
    .from(environments)
    .where(and(eq(environments.projectId, projectId), eq(environments.slug, slug)))
    .limit(1);
  return row?.id;
}

/** The deployment staging serves now: what a promotion without a named deployment promotes. */
export async function findStagingDeploymentId(
  db: Database,
  projectId: number,
): Promise<number | undefined> {
  const staging = await getActiveEnvironmentOfKind(db, projectId, 'staging');
  return staging?.currentDeploymentId ?? undefined;
}
