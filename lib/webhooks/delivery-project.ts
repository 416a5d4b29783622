import { z } from 'zod';
import type { Database } from '@/db/client';
import type { WebhookDelivery } from '@/db/schema';
import { projectForRepository, projectForVercelProject } from './project-lookup';

const githubRepository = z.object({ repository: z.object({ full_name: z.string() }) });
const vercelProject = z.object({ payload: z.object({ project: z.object({ id: z.string() }) }) });

/**
 * The project a stored delivery names, as applying it would resolve it: a GitHub delivery by its
 * repository, a Vercel one by its Vercel project id. Undefined when it names no connected
 * project (or never parsed): applying it changes no project.
 */
export async function deliveryProjectId(
  db: Database,
  delivery: Pick<WebhookDelivery, 'provider' | 'payload'>,
): Promise<number | undefined> {
  if (delivery.provider === 'github') {
    const named = githubRepository.safeParse(delivery.payload);
    return named.success
      ? (await projectForRepository(db, named.data.repository.full_name))?.id
      : undefined;
  }
  const named = vercelProject.safeParse(delivery.payload);
  return named.success
    ? (await projectForVercelProject(db, named.data.payload.project.id))?.id
    : undefined;
}
