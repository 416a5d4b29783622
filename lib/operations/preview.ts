import type { Database } from '@/db/client';
import { type EnvironmentContext, getEnvironmentContext } from '@/db/queries/operation-contexts';
import { environmentExclusion, exclusionSentence } from '@/lib/domain/preview-exclusion';
import { ProviderError } from '@/lib/providers/errors';
import { refuse, type Refusal } from './result';

/**
 * A preview environment of the actor's project that still exists, with its project, pull
 * request and branch. Another project's preview is not found, as if it did not exist.
 */
export async function loadPreview(
  db: Database,
  environmentId: number,
  action: string,
  projectId: number,
): Promise<EnvironmentContext | Refusal> {
  const context = await getEnvironmentContext(db, environmentId);
  return livePreview(
    context?.project.id === projectId ? context : undefined,
    environmentId,
    action,
  );
}

/** The check loadPreview makes, on a context already read (a page reads many at once). */
export function livePreview(
  context: EnvironmentContext | undefined,
  environmentId: number,
  action: string,
): EnvironmentContext | Refusal {
  if (!context) return refuse('not_found', 'That environment does not exist.');
  const { environment } = context;
  if (environment.kind !== 'preview') {
    return refuse(
      'not_a_preview',
      `Only previews can be ${action}; ${environment.name} is ${environment.kind}.`,
    );
  }
  if (environment.status === 'deleted') {
    return refuse('not_found', `${environment.name} has already been deleted.`);
  }
  // A fork's or another environment's branch is not the preview's to reset or delete.
  const exclusion = environmentExclusion({ ...environment, ...context });
  if (exclusion) {
    return refuse(
      'not_a_preview',
      exclusionSentence(environment.name, environment.gitBranch, exclusion),
    );
  }
  return context;
}

/** Deleting what is already gone is a success: 404 from a delete means the work is done. */
export async function ignoringGone(call: () => Promise<unknown>): Promise<'deleted' | 'gone'> {
  try {
    await call();
    return 'deleted';
  } catch (error) {
    if (error instanceof ProviderError && error.status === 404) return 'gone';
    throw error;
  }
}
