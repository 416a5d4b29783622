import type { Metadata } from 'next';
import { z } from 'zod';
import { NoProject } from '@/components/board/no-project';
import { EmptyState } from '@/components/ui/empty-state';
import { FilterNotice } from '@/components/ui/filter-notice';
import { hrefWith } from '@/components/ui/href';
import { PageHeader } from '@/components/ui/page-header';
import { EnvironmentPicker } from '@/components/uptime/environment-picker';
import { IncidentsSection } from '@/components/uptime/incidents-section';
import { UptimeCharts } from '@/components/uptime/uptime-charts';
import { UptimeTable } from '@/components/uptime/uptime-table';
import { getDatabase } from '@/db/client';
import { getCurrentProject } from '@/db/queries/project';
import { listLinkedIncidents } from '@/db/queries/incident-links';
import { getUptimeByEnvironment } from '@/db/queries/uptime';
import { getUptimeMetrics } from '@/db/queries/uptime-metrics';
import { requireRole } from '@/lib/auth';
import { parseChartRange } from '@/lib/domain/chart-range';
import type { SearchParams } from '@/lib/domain/search-params';
import {
  INCIDENT_WINDOWS,
  SLO_WINDOW,
  UPTIME_WINDOW_LABEL,
  UPTIME_WINDOWS,
} from '@/lib/domain/uptime';
import { readSearchParams } from '@/lib/http/query-params';
import { incidentRollbackOffer } from './incident-rollback';

export const metadata: Metadata = { title: 'Uptime' };
export const dynamic = 'force-dynamic';
// Long work (an operation's steps, a sync) runs until Vercel's limit: see lib/http/max-duration.ts.
export const maxDuration = 300;

const INCIDENT_LIMIT = 100;
const schema = z.object({
  days: z.enum(INCIDENT_WINDOWS).default('30'),
  environment: z.string().trim().min(1).max(100).default('production'),
  latency: z.enum(UPTIME_WINDOWS).default('24h'),
});

export default async function UptimePage(props: { searchParams: Promise<SearchParams> }) {
  const actor = await requireRole('viewer');
  const searchParams = await props.searchParams;
  const { values, ignored } = readSearchParams(schema, searchParams);
  const { days, environment, latency } = values;
  const range = parseChartRange(searchParams.range);
  const db = getDatabase();
  const project = await getCurrentProject(db);
  if (!project) return <NoProject title="Uptime" />;
  const now = new Date();
  const [environments, incidents] = await Promise.all([
    getUptimeByEnvironment(db, project.id, { now }),
    listLinkedIncidents(db, project.id, { now, days: Number(days), limit: INCIDENT_LIMIT }),
  ]);
  const rollback = await incidentRollbackOffer(db, project, incidents, actor);
  // A stale or unknown ?environment= falls back to the first environment (production first).
  const chosen = environments.find((row) => row.slug === environment) ?? environments[0];
  if (chosen && chosen.slug !== environment && searchParams.environment !== undefined) {
    ignored.push({ name: 'environment', value: environment });
  }
  const metrics = chosen
    ? await getUptimeMetrics(db, project, { environmentSlug: chosen.slug, range, now })
    : undefined;
  return (
    <>
      <PageHeader
        title="Uptime"
        description={`Health checks every few minutes per environment, against the project's ${project.uptimeSloPct} % SLO, judged over ${UPTIME_WINDOW_LABEL[SLO_WINDOW]}. Days are UTC days.`}
      />
      <FilterNotice
        ignored={ignored}
        meanings={{
          environment: { label: 'environment', instead: chosen?.name ?? 'none' },
          days: { label: 'incident window', instead: 'the last 30 days' },
          latency: { label: 'latency window', instead: 'the last 24 hours' },
        }}
      />
      {metrics ? (
        <>
          <EnvironmentPicker
            environments={environments.map((row) => ({
              href: hrefWith('/uptime', searchParams, { environment: row.slug }),
              label: row.name,
              current: row.slug === metrics.environment.slug,
            }))}
          />
          <UptimeCharts
            metrics={metrics}
            latencyWindow={latency}
            path="/uptime"
            searchParams={searchParams}
          />
          <h2 className="mt-8 mb-2 text-sm font-semibold">Every environment</h2>
          <UptimeTable rows={environments} now={now} />
        </>
      ) : (
        <EmptyState title="No environments to check">
          Uptime is measured per active environment with a health URL; it appears here once an
          environment exists and the uptime sync has checked it.
        </EmptyState>
      )}
      <IncidentsSection
        incidents={incidents}
        days={days}
        limit={INCIDENT_LIMIT}
        now={now}
        rollback={rollback}
      />
    </>
  );
}
