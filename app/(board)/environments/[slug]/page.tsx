import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { NoProject } from '@/components/board/no-project';
import { FollowOperations } from '@/components/operations/follow-operations';
import { EnvironmentDeployments } from '@/components/environments/environment-deployments';
import { EnvironmentHeader } from '@/components/environments/environment-header';
import { EnvironmentTimeline } from '@/components/environments/environment-timeline';
import {
  CostPanel,
  DatabaseBranch,
  NowServing,
  UptimePanel,
} from '@/components/environments/environment-panels';
import { getDatabase } from '@/db/client';
import { getEnvironment, getEnvironmentPage } from '@/db/queries/environments';
import { getEnvironmentTimeline } from '@/db/queries/environment-timeline';
import { suspectedIncidentsOf } from '@/db/queries/incident-links';
import { getCurrentProject } from '@/db/queries/project';
import { requireRole } from '@/lib/auth';
import { environmentDetailQuerySchema } from '@/lib/filters/environments';
import { parseChartRange } from '@/lib/domain/chart-range';
import type { SearchParams } from '@/lib/domain/search-params';
import { parseSearchParams } from '@/lib/http/query-params';
import { environmentOperations } from './operations';
import { OperationBanner } from '@/components/operations/operation-banner';
import { operationsHolding } from '@/lib/operations/board';
import { StatusBadgesCard } from '@/components/environments/status-badges-card';
import { requestOrigin } from '@/lib/auth/request-origin';
import { hasRole } from '@/lib/domain/roles';
import { switchBadgesAction } from './actions';
import { ConfigNotice, ConfigTab, EnvironmentTabs, environmentTab } from './config';

export const dynamic = 'force-dynamic';
// Long work (an operation's steps, a sync) runs until Vercel's limit: see lib/http/max-duration.ts.
export const maxDuration = 300;

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata(props: Props): Promise<Metadata> {
  return { title: (await props.params).slug };
}

export default async function EnvironmentPage(props: Props) {
  const actor = await requireRole('viewer');
  const [{ slug }, searchParams] = await Promise.all([props.params, props.searchParams]);
  const db = getDatabase();
  const project = await getCurrentProject(db);
  if (!project) return <NoProject title="Environment" />;
  if (environmentTab(searchParams.tab) === 'config') {
    const environment = await getEnvironment(db, project.id, slug);
    if (!environment) notFound();
    return (
      <>
        <EnvironmentHeader environment={environment} />
        <EnvironmentTabs slug={slug} tab="config" />
        <ConfigTab db={db} project={project} environment={environment} />
      </>
    );
  }
  const page = parseSearchParams(environmentDetailQuerySchema, searchParams);
  const now = new Date();
  const data = await getEnvironmentPage(db, project.id, slug, { now, page });
  if (!data) notFound();
  const range = parseChartRange(searchParams.range);
  const [operations, timeline, held, suspected] = await Promise.all([
    environmentOperations(db, project, data.environment, data.history.rows, actor, now),
    getEnvironmentTimeline(
      db,
      project.id,
      {
        id: data.environment.id,
        slug: data.environment.slug,
        gitBranch: data.environment.gitBranch,
        pullRequestId: data.environment.pullRequest?.id ?? null,
      },
      { range, now },
    ),
    // Staging's promote waits on production's lock too.
    operationsHolding(
      db,
      [data.environment.id],
      data.environment.kind === 'staging' ? { projectId: project.id } : undefined,
    ),
    suspectedIncidentsOf(
      db,
      project.id,
      data.history.rows.map((row) => row.id),
      now,
    ),
  ]);
  return (
    <>
      <FollowOperations environmentIds={[data.environment.id]} since={now.toISOString()} />
      <EnvironmentHeader environment={data.environment} actions={operations.actions} />
      <EnvironmentTabs slug={slug} tab="overview" />
      <OperationBanner held={held} now={now} />
      {operations.notice}
      {data.environment.status === 'active' ? (
        <Suspense fallback={null}>
          <ConfigNotice db={db} project={project} environment={data.environment} />
        </Suspense>
      ) : null}
      <div className="mb-6 grid gap-4 lg:grid-cols-4">
        <NowServing environment={data.environment} now={now} />
        <DatabaseBranch environment={data.environment} now={now} />
        <UptimePanel uptime={data.uptime} />
        <CostPanel cost={data.cost} />
      </div>
      <EnvironmentTimeline
        environment={data.environment}
        timeline={timeline}
        range={range}
        searchParams={searchParams}
      />
      <EnvironmentDeployments
        environment={data.environment}
        history={data.history}
        searchParams={searchParams}
        now={now}
        operations={operations.deployments}
        suspected={suspected}
      />
      {hasRole(actor.role, 'admin') ? (
        <StatusBadgesCard
          slug={data.environment.slug}
          origin={await requestOrigin()}
          badgesPublic={project.badgesPublic}
          action={switchBadgesAction}
        />
      ) : null}
    </>
  );
}
