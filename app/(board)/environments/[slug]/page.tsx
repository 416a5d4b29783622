import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { NoProject } from '@/components/board/no-project';
import { FollowOperations } from '@/components/operations/follow-operations';
import { EnvironmentActivity } from '@/components/environments/environment-activity';
import { EnvironmentHeader } from '@/components/environments/environment-header';
import {
  CostPanel,
  DatabaseBranch,
  NowServing,
  UptimePanel,
} from '@/components/environments/environment-panels';
import { getDatabase } from '@/db/client';
import { getEnvironmentPage } from '@/db/queries/environments';
import { getCurrentProject } from '@/db/queries/project';
import { requireRole } from '@/lib/auth';
import { environmentDetailQuerySchema } from '@/lib/filters/environments';
import type { SearchParams } from '@/lib/domain/search-params';
import { parseSearchParams } from '@/lib/http/query-params';
import { environmentOperations } from './operations';

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
  const page = parseSearchParams(environmentDetailQuerySchema, searchParams);
  const now = new Date();
  const data = await getEnvironmentPage(db, project.id, slug, { now, page });
  if (!data) notFound();
  const operations = await environmentOperations(
    db,
    project,
    data.environment,
    data.history.rows,
    actor,
    now,
  );
  return (
    <>
      <FollowOperations environmentIds={[data.environment.id]} since={now.toISOString()} />
      <EnvironmentHeader environment={data.environment} actions={operations.actions} />
      {operations.notice}
      <div className="mb-6 grid gap-4 lg:grid-cols-4">
        <NowServing environment={data.environment} now={now} />
        <DatabaseBranch environment={data.environment} now={now} />
        <UptimePanel uptime={data.uptime} />
        <CostPanel cost={data.cost} />
      </div>
      <EnvironmentActivity
        {...data}
        searchParams={searchParams}
        now={now}
        operations={operations.deployments}
      />
    </>
  );
}
