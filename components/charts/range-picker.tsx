import Link from 'next/link';
import { hrefWith } from '@/components/ui/href';
import { CHART_RANGE_LABELS, CHART_RANGES, type ChartRange } from '@/lib/domain/chart-range';
import type { SearchParams } from '@/lib/domain/search-params';

/** `7d · 30d · 90d · 12m` as links: the range lives in the URL, so a view can be shared. */
export function RangePicker({
  path,
  searchParams,
  current,
}: {
  path: string;
  searchParams: SearchParams;
  current: ChartRange;
}) {
  return (
    <nav aria-label="Period" className="inline-flex rounded-md border border-border text-xs">
      {CHART_RANGES.map((range) => (
        <Link
          key={range}
          href={hrefWith(path, searchParams, { range })}
          aria-current={range === current ? 'true' : undefined}
          aria-label={CHART_RANGE_LABELS[range]}
          scroll={false}
          className={`px-2 py-1 font-medium tabular first:rounded-l-md last:rounded-r-md ${
            range === current ? 'bg-ink text-white' : 'text-muted hover:bg-subtle hover:text-ink'
          }`}
        >
          {range}
        </Link>
      ))}
    </nav>
  );
}
