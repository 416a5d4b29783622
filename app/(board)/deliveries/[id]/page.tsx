import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DeliveryDetail } from '@/components/admin/delivery-detail';
import { eventLabel } from '@/components/admin/event-label';
import { ReplayButton } from '@/components/admin/replay-button';
import { PageHeader } from '@/components/ui/page-header';
import { getDatabase } from '@/db/client';
import { getWebhookDelivery } from '@/db/queries/webhook-deliveries';
import { requireRole } from '@/lib/auth';
import { replayDeliveryAction } from './actions';
import { parseRowId } from '@/lib/domain/row-id';

export const metadata: Metadata = { title: 'Webhook delivery' };
export const dynamic = 'force-dynamic';
// Long work (an operation's steps, a sync) runs until Vercel's limit: see lib/http/max-duration.ts.
export const maxDuration = 300;

export default async function DeliveryPage(props: { params: Promise<{ id: string }> }) {
  await requireRole('admin');
  const id = parseRowId((await props.params).id);
  if (id === undefined) notFound();
  const delivery = await getWebhookDelivery(getDatabase(), id);
  if (!delivery) notFound();
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/deliveries" className="hover:underline">
            ← Webhook deliveries
          </Link>
        }
        title={<span className="font-mono">{eventLabel(delivery)}</span>}
        description={`${delivery.provider} delivery ${delivery.deliveryId}`}
        actions={<ReplayButton id={delivery.id} action={replayDeliveryAction} />}
      />
      <DeliveryDetail delivery={delivery} now={new Date()} />
    </>
  );
}
