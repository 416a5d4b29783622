import Link from 'next/link';
import { ChartCard } from '@/components/charts/chart-card';
import type { ChartTableData } from '@/components/charts/chart-table';
import { formatValue } from '@/components/charts/chart-values';
import { hrefWith } from '@/components/ui/href';
import type { SearchParams } from '@/lib/domain/search-params';
import { UPTIME_WINDOWS, type UptimeWindow } from '@/lib/domain/uptime';
import type { LatencySeries } from '@/lib/domain/uptime-metrics';
import { LatencyChart } from './lazy-uptime-charts';
import { latencyPeriodLabel } from './latency-period';

const WINDOW_LABEL: Record<UptimeWindow, string> = {
  '24h': '24 hours',
  '7d': '7 days',
  '30d': '30 days',
};

/** `24h · 7d · 30d` as links, kept in the URL as `?latency=`. */
function WindowPicker({
  path,
  searchParams,
  current,
}: {
  path: string;
  searchParams: SearchParams;
  current: UptimeWindow;
}) {
  return (
    <nav
      aria-label="Latency window"
      className="inline-flex rounded-md border border-border text-xs"
    >
      {UPTIME_WINDOWS.map((window) => (
        <Link
          key={window}
          href={hrefWith(path, searchParams, { latency: window === '24h' ? undefined : window })}
          aria-current={window === current ? 'true' : undefined}
          aria-label={WINDOW_LABEL[window]}
          scroll={false}
          className={`px-2 py-1 font-medium tabular first:rounded-l-md last:rounded-r-md ${
            window === current ? 'bg-ink text-white' : 'text-muted hover:bg-subtle hover:text-ink'
          }`}
        >
          {window}
        </Link>
      ))}
    </nav>
  );
}

/** p50 and p95 over the chosen window; the answer is the latest period with a figure. */
export function LatencyCard({
  environmentName,
  series,
  window,
  path,
  searchParams,
}: {
  environmentName: string;
  series: LatencySeries;
  window: UptimeWindow;
  path: string;
  searchParams: SearchParams;
}) {
  const title = `${environmentName} latency, ${WINDOW_LABEL[window]}`;
  const latest = series.points.findLast((point) => point.p50 !== null);
  const table: ChartTableData = {
    caption: `${title}, by ${series.grain} (UTC), over successful checks`,
    columns: [
      { key: 'period', label: series.grain === 'hour' ? 'Hour' : 'Day' },
      { key: 'p50', label: 'p50', numeric: true },
      { key: 'p95', label: 'p95', numeric: true },
    ],
    rows: series.points.map((point) => ({
      period: latencyPeriodLabel(point.period, series.grain),
      p50: formatValue('ms', point.p50),
      p95: formatValue('ms', point.p95),
    })),
  };
  return (
    <ChartCard
      title={title}
      answer={
        latest
          ? `p50 ${formatValue('ms', latest.p50)}, p95 ${formatValue('ms', latest.p95)} ${
              latest === series.points.at(-1)
                ? series.grain === 'hour'
                  ? 'this hour'
                  : 'today'
                : `on ${latencyPeriodLabel(latest.period, series.grain)}`
            }`
          : undefined
      }
      actions={<WindowPicker path={path} searchParams={searchParams} current={window} />}
      table={table}
      testId="latency-chart"
      empty={
        latest
          ? null
          : {
              title: `No successful checks of ${environmentName} in the last ${WINDOW_LABEL[window]}`,
              reason: 'Latency is measured over successful health checks, every 5 minutes.',
            }
      }
    >
      <LatencyChart points={series.points} grain={series.grain} label={title} />
    </ChartCard>
  );
}
