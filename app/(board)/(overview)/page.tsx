import type { Metadata } from 'next';
import { Suspense } from 'react';
import { NoProject } from '@/components/board/no-project';
import { FiguresSkeleton, ListSkeleton, ReleaseSkeleton } from '@/components/overview/skeletons';
import { PageHeader } from '@/components/ui/page-header';
import { getDatabase } from '@/db/client';
import { getCurrentProject } from '@/db/queries/project';
import { requireRole } from '@/lib/auth';
import { ApprovalsWidget } from '../_overview/approvals';
import { ConfigDriftWidget } from '../_overview/config-drift';
import { TrendsWidget } from '../_overview/trends';
import {
  CostWidget,
  PreviewsWidget,
  ReleaseWidget,
  TestsWidget,
  UptimeWidget,
} from '../_overview/widgets';

export const metadata: Metadata = { title: 'Overview' };
export const dynamic = 'force-dynamic';
// Long work (an operation's steps, a sync) runs until Vercel's limit: see lib/http/max-duration.ts.
export const maxDuration = 300;

export default async function OverviewPage() {
  await requireRole('viewer');
  const project = await getCurrentProject(getDatabase());
  if (!project) return <NoProject title="Overview" />;
  const props = { project, now: new Date() };
  return (
    <>
      <PageHeader
        title="Overview"
        description={`What runs where for ${project.name}, whether it is healthy, and what it costs.`}
      />
      <Suspense fallback={null}>
        <ConfigDriftWidget project={project} />
      </Suspense>
      <div className="grid gap-4 lg:grid-cols-2">
        <Suspense fallback={<ListSkeleton title="Pending approvals" lines={2} />}>
          <ApprovalsWidget {...props} />
        </Suspense>
        <Suspense fallback={<ReleaseSkeleton />}>
          <ReleaseWidget {...props} />
        </Suspense>
        <Suspense
          fallback={
            <div className="lg:col-span-2">
              <ListSkeleton title="Trends" lines={3} />
            </div>
          }
        >
          <TrendsWidget {...props} />
        </Suspense>
        <Suspense fallback={<FiguresSkeleton title="Cost this month" />}>
          <CostWidget {...props} />
        </Suspense>
        <Suspense fallback={<ListSkeleton title="Uptime, 30 days" lines={4} />}>
          <UptimeWidget {...props} />
        </Suspense>
        <Suspense fallback={<ListSkeleton title="Open previews" lines={7} />}>
          <PreviewsWidget {...props} />
        </Suspense>
        <Suspense fallback={<ListSkeleton title="Failing and flaky tests" lines={7} />}>
          <TestsWidget {...props} />
        </Suspense>
      </div>
    </>
  );
}
