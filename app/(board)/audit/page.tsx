import type { Metadata } from 'next';
import { AuditFilters } from '@/components/audit/audit-filters';
import { AuditTable } from '@/components/audit/audit-table';
import { NoProject } from '@/components/board/no-project';
import { PageHeader } from '@/components/ui/page-header';
import { Pager } from '@/components/ui/pager';
import { getDatabase } from '@/db/client';
import { listAuditEntries } from '@/db/queries/audit';
import { listEnvironmentOptions, listProjectMembers } from '@/db/queries/filter-options';
import { getCurrentProject } from '@/db/queries/project';
import { requireRole } from '@/lib/auth';
import { auditQuerySchema } from '@/lib/filters/audit';
import type { SearchParams } from '@/lib/domain/search-params';
import { keepOffered, readSearchParams } from '@/lib/http/query-params';

export const metadata: Metadata = { title: 'Audit' };
export const dynamic = 'force-dynamic';

export default async function AuditPage(props: { searchParams: Promise<SearchParams> }) {
  await requireRole('viewer');
  const searchParams = await props.searchParams;
  const db = getDatabase();
  const project = await getCurrentProject(db);
  if (!project) return <NoProject title="Audit" />;
  // The selects' options first: a value none of them offers is named, not applied.
  const [members, environments] = await Promise.all([
    listProjectMembers(db, project.id),
    listEnvironmentOptions(db, project.id),
  ]);
  const { values, ignored } = keepOffered(readSearchParams(auditQuerySchema, searchParams), {
    actor: members.map((member) => member.login),
    environment: environments.map((environment) => environment.slug),
  });
  const { cursor, limit, ...filters } = values;
  const page = await listAuditEntries(db, project.id, filters, { cursor, limit });
  const filtered = Object.values(filters).some(Boolean);
  return (
    <>
      <PageHeader
        title="Audit"
        description="Every operation on an environment: who asked for it, what changed and how it ended."
      />
      <AuditFilters
        values={filters}
        members={members}
        environments={environments}
        ignored={ignored}
      />
      <AuditTable rows={page.rows} now={new Date()} filtered={filtered} />
      <Pager path="/audit" searchParams={searchParams} nextCursor={page.nextCursor} />
    </>
  );
}
