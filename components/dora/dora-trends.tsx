import { ChartCard } from '@/components/charts/chart-card';
import type { ChartTableData } from '@/components/charts/chart-table';
import { DORA_KEYS, type DoraKey, type DoraSummary } from '@/lib/domain/dora';
import { shortDay } from '@/lib/format';
import { DoraBandBadge } from './dora-band-badge';
import {
  DORA_TITLES,
  formatDora,
  formatDoraWeek,
  visibleGuides,
  weekBasis,
  weekValues,
} from './dora-values';
import { DoraTrendChart } from './lazy-dora-charts';

const SERIES_LABEL: Record<DoraKey, string> = {
  deploymentFrequency: 'Deployments',
  leadTime: 'Median lead time',
  changeFailureRate: 'Change failure rate',
  timeToRestore: 'Median time to restore',
};

const EMPTY_REASON: Record<DoraKey, string> = {
  deploymentFrequency:
    'No production deployment in these weeks: a push to the production branch or a promotion fills it.',
  leadTime: 'No production deployment in these weeks, so no change to time.',
  changeFailureRate: 'No production deployment in these weeks, so nothing could fail.',
  timeToRestore:
    'Nothing needed restoring in these weeks: no production incident and no rollback. That is good news.',
};

/** One trend chart per key, by ISO week, with the DORA bands' edges as guides. */
export function DoraTrends({ summary }: { summary: DoraSummary }) {
  return (
    <div className="grid gap-4 xl:grid-cols-2">
      {DORA_KEYS.map((key) => {
        const values = weekValues(key, summary.weeks);
        const data = summary.weeks.map((week, index) => ({
          week: week.week,
          value: values[index]!,
          basis: weekBasis(key, week),
        }));
        const table: ChartTableData = {
          caption: `${DORA_TITLES[key]} by week`,
          columns: [
            { key: 'week', label: 'Week of' },
            { key: 'value', label: SERIES_LABEL[key], numeric: true },
            { key: 'basis', label: 'From' },
          ],
          rows: data.map((point) => ({
            week: shortDay(point.week),
            value: formatDoraWeek(key, point.value),
            basis: point.basis,
          })),
        };
        const figure = summary.figures[key];
        return (
          <ChartCard
            key={key}
            title={`${DORA_TITLES[key]}, by week`}
            answer={
              <>
                {formatDora(key, figure.value)} <DoraBandBadge band={figure.band} />
              </>
            }
            table={table}
            testId={`dora-trend-${key}`}
            empty={
              values.every(
                (value) => value === null || (key === 'deploymentFrequency' && value === 0),
              )
                ? { title: 'Nothing to draw yet', reason: EMPTY_REASON[key] }
                : null
            }
          >
            <DoraTrendChart
              doraKey={key}
              seriesLabel={SERIES_LABEL[key]}
              data={data}
              guides={visibleGuides(key, values)}
              label={`${DORA_TITLES[key]} by week`}
            />
          </ChartCard>
        );
      })}
    </div>
  );
}
