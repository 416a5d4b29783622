import { TrendSparklines } from '@/components/overview/trend-sparklines';
import { getDatabase } from '@/db/client';
import { getOverviewTrends } from '@/db/queries/overview-trends';
import type { Project } from '@/db/schema';

/** The overview's sparklines, streamed in their own Suspense boundary. */
export async function TrendsWidget({ project, now }: { project: Project; now: Date }) {
  const trends = await getOverviewTrends(getDatabase(), project, { now });
  return <TrendSparklines trends={trends} />;
}
