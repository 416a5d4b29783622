import { and, eq } from 'drizzle-orm';
import { after } from 'next/server';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { webhookDeliveries } from '@/db/schema';
import { projectForRepository } from '@/lib/webhooks/project-lookup';
import { providers } from '@/lib/wiring/provider-clients';
import { PROVISIONING_ACTIONS, provisionPullRequest } from './provision-job';
import type { OperationClients } from './types';

const pullRequestEvent = z.object({
  action: z.string(),
  number: z.number().int(),
  repository: z.object({ full_name: z.string() }),
});

/**
 * After a `pull_request` delivery is stored and applied, the preview's database branch is made
 * to match the new head — once the answer has left, since creating a Neon branch can take longer
 * than GitHub waits for a webhook. The event is read back from the stored delivery. Outside a
 * Next.js request (a script or test calling the route) there is nothing to run it after, and the
 * github cron's provision sync picks it up instead.
 */
export function provisionAfterPullRequestWebhook(db: Database, headers: Headers): void {
  const deliveryId = headers.get('x-github-delivery');
  if (headers.get('x-github-event') !== 'pull_request' || !deliveryId) return;
  try {
    after(() => provisionFromDelivery(db, deliveryId));
  } catch {
    // No request scope: see above.
  }
}

/**
 * Provisions the pull request a stored delivery names, in the project connected to the
 * delivery's own repository: a delivery for a repository that is no project's provisions
 * nothing, whichever project the board shows.
 */
export async function provisionFromDelivery(
  db: Database,
  deliveryId: string,
  clients: OperationClients = providers,
): Promise<void> {
  const [delivery] = await db
    .select({ payload: webhookDeliveries.payload })
    .from(webhookDeliveries)
    .where(
      and(eq(webhookDeliveries.provider, 'github'), eq(webhookDeliveries.deliveryId, deliveryId)),
    );
  const event = pullRequestEvent.safeParse(delivery?.payload);
  if (!event.success || !PROVISIONING_ACTIONS.has(event.data.action)) return;
  const project = await projectForRepository(db, event.data.repository.full_name);
  if (project) await provisionPullRequest(db, clients, project.id, event.data.number);
}
