import type { Metadata } from 'next';
import { z } from 'zod';
import { NoProject } from '@/components/board/no-project';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { IncidentsSection } from '@/components/uptime/incidents-section';
import { UptimeTable } from '@/components/uptime/uptime-table';
import { getDatabase } from '@/db/client';
import { getCurrentProject } from '@/db/queries/project';
import { getUptimeByEnvironment, listIncidents } from '@/db/queries/uptime';
import { requireRole } from '@/lib/auth';
import type { SearchParams } from '@/lib/domain/search-params';
import { parseSearchParams } from '@/lib/http/query-params';

export const metadata: Metadata = { title: 'Uptime' };
export const dynamic = 'force-dynamic';

const INCIDENT_LIMIT = 100;
const schema = z.object({ days: z.enum(['7', '30']).default('30') });

export default async function UptimePage(props: { searchParams: Promise<SearchParams> }) {
  await requireRole('viewer');
  const { days } = parseSearchParams(schema, await props.searchParams);
  const db = getDatabase();
  const project = await getCurrentProject(db);
  if (!project) return <NoProject title="Uptime" />;
  const now = new Date();
  const [environments, incidents] = await Promise.all([
    getUptimeByEnvironment(db, project.id, { now }),
    listIncidents(db, project.id, { now, days: Number(days), limit: INCIDENT_LIMIT }),
  ]);
  return (
    <>
      <PageHeader
        title="Uptime"
        description={`Health checks every few minutes per environment, against the project's ${project.uptimeSloPct}% SLO. Latency is over successful checks in the last 30 days.`}
      />
      {environments.length > 0 ? (
        <UptimeTable rows={environments} now={now} />
      ) : (
        <EmptyState title="No environments to check">
          Uptime is measured per active environment with a health URL; it appears here once an
          environment exists and the uptime sync has checked it.
        </EmptyState>
      )}
      <IncidentsSection incidents={incidents} days={days} limit={INCIDENT_LIMIT} now={now} />
    </>
  );
}
