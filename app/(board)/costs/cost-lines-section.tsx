import { CostLines } from '@/components/costs/cost-lines';
import { dayLabel } from '@/components/costs/labels';
import { hrefWith } from '@/components/ui/href';
import { getDatabase } from '@/db/client';
import { listCostLines } from '@/db/queries/cost-lines';
import { addDays } from '@/lib/domain/chart-range';
import type { SearchParams } from '@/lib/domain/search-params';
import { shortDay } from '@/lib/format';

/** The cost lines of the day (or week) a click on the daily chart opened; nothing otherwise. */
export async function CostLinesSection({
  projectId,
  day,
  week,
  searchParams,
}: {
  projectId: number;
  day?: string;
  week?: string;
  searchParams: SearchParams;
}) {
  if (!day && !week) return null;
  const span = day ? { from: day, to: day } : { from: week!, to: addDays(week!, 6) };
  const lines = await listCostLines(getDatabase(), projectId, span);
  const title = day
    ? `Cost lines on ${dayLabel(day)}`
    : `Cost lines in the week of ${shortDay(week!)}`;
  return (
    <CostLines
      title={title}
      lines={lines}
      closeHref={hrefWith('/costs', searchParams, { day: undefined, week: undefined })}
    />
  );
}
