import type { Metadata } from 'next';
import Link from 'next/link';
import { RangePicker } from '@/components/charts/range-picker';
import { NoProject } from '@/components/board/no-project';
import { DURATION_FIELDS, QUEUE_FIELDS } from '@/components/ci/ci-chart-data';
import { CiPercentileCard } from '@/components/ci/ci-percentile-card';
import { CiRunsCard } from '@/components/ci/ci-runs-card';
import { CiSuccessCard } from '@/components/ci/ci-success-card';
import { GrainPicker } from '@/components/ci/grain-picker';
import { SlowestRunsTable } from '@/components/ci/slowest-runs-table';
import { PageHeader } from '@/components/ui/page-header';
import { getDatabase } from '@/db/client';
import { getCiMetrics } from '@/db/queries/ci-series';
import { getCurrentProject } from '@/db/queries/project';
import { requireRole } from '@/lib/auth';
import { CHART_RANGE_LABELS, parseChartRange, rangeGrain } from '@/lib/domain/chart-range';
import type { SearchParams } from '@/lib/domain/search-params';

export const metadata: Metadata = { title: 'CI' };
export const dynamic = 'force-dynamic';

export default async function CiPage(props: { searchParams: Promise<SearchParams> }) {
  await requireRole('viewer');
  const searchParams = await props.searchParams;
  const db = getDatabase();
  const project = await getCurrentProject(db);
  if (!project) return <NoProject title="CI" />;
  const range = parseChartRange(searchParams.range);
  const grain = searchParams.by === 'week' ? 'week' : 'day';
  const metrics = await getCiMetrics(db, project.id, { range, grain, now: new Date() });
  const pickers = (
    <>
      {rangeGrain(range) === 'day' ? (
        <GrainPicker path="/ci" searchParams={searchParams} current={metrics.grain} />
      ) : null}
      <RangePicker path="/ci" searchParams={searchParams} current={range} />
    </>
  );
  return (
    <>
      <PageHeader
        title="CI"
        description="GitHub Actions workflows: how long runs take, how long they wait, how often they pass."
        actions={
          <Link href="/tests" className="text-sm font-medium text-accent hover:underline">
            Test results →
          </Link>
        }
      />
      <div className="grid gap-4">
        <CiPercentileCard
          metrics={metrics}
          fields={DURATION_FIELDS}
          subject="CI duration"
          height={260}
          actions={pickers}
          testId="ci-duration-chart"
        />
        <div className="grid gap-4 lg:grid-cols-2">
          <CiPercentileCard
            metrics={metrics}
            fields={QUEUE_FIELDS}
            subject="Queue time"
            height={180}
            testId="ci-queue-chart"
          />
          <CiSuccessCard metrics={metrics} height={180} />
        </div>
        <CiRunsCard metrics={metrics} height={200} />
        {metrics.slowest.length > 0 ? (
          <SlowestRunsTable
            runs={metrics.slowest}
            caption={`Slowest runs, ${CHART_RANGE_LABELS[range].toLowerCase()} (the slowest of each ${metrics.grain})`}
          />
        ) : null}
      </div>
    </>
  );
}
