import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DriftEnvironment } from '@/lib/domain/config-drift';
import type { Database } from '../client';
import { environments } from '../schema';

/** The active long-lived environments (production, staging, development): what drift compares. */
export async function listLongLivedEnvironments(
  db: Database,
  projectId: number,
): Promise<DriftEnvironment[]> {
  return db
    .select({ slug: environments.slug, kind: environments.kind, gitBranch: environments.gitBranch })
    .from(environments)
    .where(
      and(
        eq(environments.projectId, projectId),
        eq(environments.status, 'active'),
        inArray(environments.kind, ['production', 'staging', 'development']),
      ),
    )
    .orderBy(asc(environments.id));
}
