import type { Metadata } from 'next';
import { DeliveriesTable } from '@/components/admin/deliveries-table';
import { DeliveryFilters } from '@/components/admin/delivery-filters';
import { DeliveryProblems } from '@/components/admin/delivery-problems';
import { PageHeader } from '@/components/ui/page-header';
import { Pager } from '@/components/ui/pager';
import { getDatabase } from '@/db/client';
import {
  countProblemDeliveries,
  listDeliveryEvents,
  listWebhookDeliveries,
} from '@/db/queries/webhook-deliveries';
import { requireRole } from '@/lib/auth';
import { deliveriesQuerySchema } from '@/lib/filters/webhook-deliveries';
import type { SearchParams } from '@/lib/domain/search-params';
import { keepOffered, readSearchParams } from '@/lib/http/query-params';

export const metadata: Metadata = { title: 'Webhook deliveries' };
export const dynamic = 'force-dynamic';

export default async function DeliveriesPage(props: { searchParams: Promise<SearchParams> }) {
  await requireRole('admin');
  const searchParams = await props.searchParams;
  const db = getDatabase();
  // The event select's options first: an event it does not offer is named, not applied.
  const [problems, events] = await Promise.all([
    countProblemDeliveries(db),
    listDeliveryEvents(db),
  ]);
  const { values, ignored } = keepOffered(readSearchParams(deliveriesQuerySchema, searchParams), {
    event: events,
  });
  const { cursor, limit, ...filters } = values;
  const page = await listWebhookDeliveries(db, filters, { cursor, limit });
  return (
    <>
      <PageHeader
        title="Webhook deliveries"
        description="Every GitHub and Vercel webhook as it was received, newest first, with how applying it ended."
      />
      <DeliveryProblems failed={problems.failed} malformed={problems.malformed} />
      <DeliveryFilters values={filters} events={events} ignored={ignored} />
      <DeliveriesTable
        rows={page.rows}
        now={new Date()}
        filtered={Object.values(filters).some(Boolean)}
      />
      <Pager path="/deliveries" searchParams={searchParams} nextCursor={page.nextCursor} />
    </>
  );
}
