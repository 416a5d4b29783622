import type { Metadata } from 'next';
import { NoProject } from '@/components/board/no-project';
import { EnvironmentFilters } from '@/components/environments/environment-filters';
import { EnvironmentsTable } from '@/components/environments/environments-table';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Pager } from '@/components/ui/pager';
import { getDatabase } from '@/db/client';
import { listEnvironments } from '@/db/queries/environments';
import { getCurrentProject } from '@/db/queries/project';
import { requireRole } from '@/lib/auth';
import { environmentsQuerySchema } from '@/lib/filters/environments';
import type { SearchParams } from '@/lib/domain/search-params';
import { readSearchParams } from '@/lib/http/query-params';

export const metadata: Metadata = { title: 'Environments' };
export const dynamic = 'force-dynamic';

export default async function EnvironmentsPage(props: { searchParams: Promise<SearchParams> }) {
  await requireRole('viewer');
  const searchParams = await props.searchParams;
  const db = getDatabase();
  const project = await getCurrentProject(db);
  if (!project) return <NoProject title="Environments" />;
  const { values, ignored } = readSearchParams(environmentsQuerySchema, searchParams);
  const { cursor, limit, ...filters } = values;
  const page = await listEnvironments(db, project.id, filters, { cursor, limit });
  const filtered = Boolean(filters.kind || filters.deleted);
  return (
    <>
      <PageHeader
        title="Environments"
        description="What each environment serves now, where its data lives and when it expires."
      />
      <EnvironmentFilters values={filters} ignored={ignored} />
      {page.rows.length > 0 ? (
        <EnvironmentsTable rows={page.rows} now={new Date()} />
      ) : (
        <EmptyState
          title={filtered ? 'No environments match these filters' : 'No environments yet'}
          action={filtered ? { href: '/environments', label: 'Clear filters' } : undefined}
        >
          {filtered
            ? 'Pick another kind, or include deleted environments.'
            : 'Environments appear when Vercel reports a deployment: push to main or open a pull request.'}
        </EmptyState>
      )}
      <Pager
        path="/environments"
        searchParams={searchParams}
        nextCursor={page.nextCursor}
        nextLabel="Next page"
        firstLabel="First page"
      />
    </>
  );
}
