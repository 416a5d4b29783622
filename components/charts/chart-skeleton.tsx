import { Skeleton } from '@/components/ui/skeleton';

/** Fills the height the chart's frame reserved, so nothing moves when the chart arrives. */
export function ChartSkeleton() {
  return <Skeleton className="h-full w-full" />;
}
