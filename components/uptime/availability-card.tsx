import { ChartCard } from '@/components/charts/chart-card';
import type { ChartTableData } from '@/components/charts/chart-table';
import { formatValue } from '@/components/charts/chart-values';
import { CHART_RANGE_LABELS } from '@/lib/domain/chart-range';
import { sloVerdict } from '@/lib/domain/uptime';
import type { IncidentSpan, UptimeMetrics } from '@/lib/domain/uptime-metrics';
import { type AvailabilityState, incidentBands } from '@/lib/domain/uptime-series';
import { count, duration, exactTime, shortDay } from '@/lib/format';
import { AvailabilityChart } from './lazy-uptime-charts';
import { SloVerdictBadge } from './slo-verdict';

const STATE_LABEL: Record<AvailabilityState, string> = {
  ok: 'Meets SLO',
  warning: 'Below SLO',
  bad: 'Under 99 %',
};

function incidentNote(incident: IncidentSpan): string {
  const length = incident.resolvedAt ? duration(incident.durationMs) : 'ongoing';
  const error = incident.firstError ? ` · ${incident.firstError}` : '';
  return `Incident ${exactTime(new Date(incident.startedAt))} · ${length}${error}`;
}

/**
 * "Production availability, 7 days — 99.65 % · Meeting SLO, 30 days": the range's figure, and
 * the verdict over the SLO window (the error budget's checks), which names that window so a
 * shorter range's dip never reads as a contradiction.
 */
export function AvailabilityCard({
  metrics,
  actions,
  incidentsHref,
}: {
  metrics: UptimeMetrics;
  actions: React.ReactNode;
  incidentsHref: string;
}) {
  const { availability, sloPct, grain, environment } = metrics;
  const periodList = availability.periods.map((period) => period.period);
  const bands = incidentBands(metrics.incidents, periodList, grain);
  const incidentNotes: Record<string, string[]> = {};
  for (const band of bands) {
    for (const period of periodList.filter((p) => p >= band.from && p <= band.to)) {
      (incidentNotes[period] ??= []).push(incidentNote(band.incident));
    }
  }
  const { window } = availability;
  const budget = metrics.errorBudget;
  const verdict = sloVerdict(budget.checks - budget.failures, budget.checks, sloPct);
  const title = `${environment.name} availability, ${CHART_RANGE_LABELS[metrics.range]}`;
  const table: ChartTableData = {
    caption: `${title}, by ${grain} (UTC)`,
    columns: [
      { key: 'period', label: grain === 'week' ? 'Week of' : 'Day' },
      { key: 'availability', label: 'Availability', numeric: true },
      { key: 'checks', label: 'Checks', numeric: true },
      { key: 'failures', label: 'Failures', numeric: true },
      { key: 'state', label: 'State' },
      { key: 'incidents', label: 'Incidents' },
    ],
    rows: availability.periods.map((period) => ({
      period: shortDay(period.period),
      availability: formatValue('percent', period.pct),
      checks: count(period.checks),
      failures: count(period.failures),
      state: period.state ? STATE_LABEL[period.state] : 'No checks',
      incidents: (incidentNotes[period.period] ?? []).join('; '),
    })),
  };
  return (
    <ChartCard
      title={title}
      answer={
        window.pct === null ? (
          'no checks'
        ) : (
          <>
            {formatValue('percent', window.pct)} ·{' '}
            <SloVerdictBadge verdict={verdict} sloPct={sloPct} />
          </>
        )
      }
      actions={actions}
      height={260}
      table={table}
      testId="availability-chart"
      empty={
        window.pct === null
          ? {
              title: `No uptime checks of ${environment.name} in this range`,
              reason: 'The uptime cron checks each environment’s health URL every 5 minutes.',
            }
          : null
      }
    >
      <AvailabilityChart
        periods={availability.periods}
        grain={grain}
        sloPct={sloPct}
        axisFloor={availability.axisFloor}
        bands={bands.map(({ from, to }) => ({ from, to }))}
        incidentNotes={incidentNotes}
        partialLast
        incidentsHref={incidentsHref}
        label={title}
      />
    </ChartCard>
  );
}
