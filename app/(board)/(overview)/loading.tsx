import { FiguresSkeleton, ListSkeleton, ReleaseSkeleton } from '@/components/overview/skeletons';
import { Skeleton } from '@/components/ui/skeleton';

/** The overview's shape while its role check and project load, before each widget streams in. */
export default function OverviewLoading() {
  return (
    <>
      <header className="mb-6" aria-busy="true">
        <h1 className="text-xl font-semibold tracking-tight text-ink">Overview</h1>
        <Skeleton className="mt-2 h-4 w-80 max-w-full" />
      </header>
      <div className="grid gap-4 lg:grid-cols-2">
        <ListSkeleton title="Pending approvals" lines={2} />
        <ReleaseSkeleton />
        <FiguresSkeleton title="Cost this month" />
        <ListSkeleton title="Uptime, 30 days" lines={4} />
        <ListSkeleton title="Open previews" lines={7} />
        <ListSkeleton title="Failing and flaky tests" lines={7} />
      </div>
    </>
  );
}
