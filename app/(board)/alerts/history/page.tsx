import type { Metadata } from 'next';
import { AlertTabs } from '@/components/alerts/alert-tabs';
import { AlertHistoryFilters } from '@/components/alerts/history-filters';
import { AlertHistoryTable } from '@/components/alerts/history-table';
import { PageHeader } from '@/components/ui/page-header';
import { Pager } from '@/components/ui/pager';
import { getDatabase } from '@/db/client';
import { listAlertChannels } from '@/db/queries/alert-channels';
import { listAlertHistory } from '@/db/queries/alert-history';
import { requireRole } from '@/lib/auth';
import type { SearchParams } from '@/lib/domain/search-params';
import { alertHistoryQuerySchema } from '@/lib/filters/alerts';
import { readSearchParams } from '@/lib/http/query-params';

export const metadata: Metadata = { title: 'Alert history' };
export const dynamic = 'force-dynamic';

/** What fired, when, to which channel, and how each delivery went (admins only). */
export default async function AlertHistoryPage(props: { searchParams: Promise<SearchParams> }) {
  const actor = await requireRole('admin');
  const searchParams = await props.searchParams;
  const db = getDatabase();
  const channels = await listAlertChannels(db, actor.projectId);
  const { values, ignored } = readSearchParams(alertHistoryQuerySchema, searchParams);
  const { cursor, limit, ...filters } = values;
  const page = await listAlertHistory(db, actor.projectId, filters, { cursor, limit });
  return (
    <>
      <PageHeader
        title="Alerts"
        description="Every alert message, newest first: what fired, to which channel, and each delivery attempt."
      />
      <AlertTabs current="/alerts/history" />
      <AlertHistoryFilters values={filters} channels={channels} ignored={ignored} />
      <AlertHistoryTable
        rows={page.rows}
        now={new Date()}
        filtered={Object.values(filters).some((value) => value !== undefined)}
      />
      <Pager path="/alerts/history" searchParams={searchParams} nextCursor={page.nextCursor} />
    </>
  );
}
