import { RangePicker } from '@/components/charts/range-picker';
import { hrefWith } from '@/components/ui/href';
import type { SearchParams } from '@/lib/domain/search-params';
import type { UptimeWindow } from '@/lib/domain/uptime';
import type { UptimeMetrics } from '@/lib/domain/uptime-metrics';
import { AvailabilityCard } from './availability-card';
import { BurnRateCard } from './burn-rate-card';
import { ErrorBudgetCard } from './error-budget-card';
import { LatencyCard } from './latency-card';

/** One environment's availability, latency, error budget and burn rate, as four charts. */
export function UptimeCharts({
  metrics,
  latencyWindow,
  path,
  searchParams,
}: {
  metrics: UptimeMetrics;
  latencyWindow: UptimeWindow;
  path: string;
  searchParams: SearchParams;
}) {
  const name = metrics.environment.name;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <div className="lg:col-span-2">
        <AvailabilityCard
          metrics={metrics}
          incidentsHref={`${hrefWith(path, searchParams, { days: undefined })}#incidents`}
          actions={<RangePicker path={path} searchParams={searchParams} current={metrics.range} />}
        />
      </div>
      <LatencyCard
        environmentName={name}
        series={metrics.latency[latencyWindow]}
        window={latencyWindow}
        path={path}
        searchParams={searchParams}
      />
      <ErrorBudgetCard environmentName={name} budget={metrics.errorBudget} />
      <div className="lg:col-span-2">
        <BurnRateCard environmentName={name} readings={metrics.burnRates} />
      </div>
    </div>
  );
}
