import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import type { DeliveryStatus, WebhookProvider } from '@/lib/domain/admin';
import type { Database } from '../client';
import { webhookDeliveries } from '../schema';

export interface WebhookHealth {
  latest: { status: DeliveryStatus; receivedAt: Date } | null;
  lastAppliedAt: Date | null;
}

/** A provider's newest stored delivery and when one last applied (webhook_deliveries_received_idx). */
export async function webhookHealth(
  db: Database,
  provider: WebhookProvider,
): Promise<WebhookHealth> {
  const newest = (status?: DeliveryStatus) =>
    db
      .select({ status: webhookDeliveries.status, receivedAt: webhookDeliveries.receivedAt })
      .from(webhookDeliveries)
      .where(
        and(
          eq(webhookDeliveries.provider, provider),
          status ? eq(webhookDeliveries.status, status) : undefined,
        ),
      )
      .orderBy(desc(webhookDeliveries.receivedAt))
      .limit(1);
  const [[latest], [applied]] = await Promise.all([newest(), newest('applied')]);
  return { latest: latest ?? null, lastAppliedAt: applied?.receivedAt ?? null };
}
