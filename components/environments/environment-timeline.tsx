import { ChartCard } from '@/components/charts/chart-card';
import type { ChartTableData } from '@/components/charts/chart-table';
import { PALETTE } from '@/components/charts/palette';
import { RangePicker } from '@/components/charts/range-picker';
import { addDays, CHART_RANGE_LABELS, type ChartRange, isoDay } from '@/lib/domain/chart-range';
import {
  TIMELINE_LANE_LABELS,
  TIMELINE_LANE_LIMIT,
  TIMELINE_LANES,
  type TimelineEvent,
  type TimelineLane,
} from '@/lib/domain/environment-timeline';
import type { SearchParams } from '@/lib/domain/search-params';
import { counted, exactTime, usd } from '@/lib/format';
import { TimelineChart } from './lazy-timeline-chart';
import type { TimelineLaneData } from './timeline-chart';

const LANE_STYLE: Record<TimelineLane, Pick<TimelineLaneData, 'color' | 'shape'>> = {
  deployment: { color: PALETTE.blue, shape: 'circle' },
  operation: { color: PALETTE.purple, shape: 'diamond' },
  incident: { color: PALETTE.vermillion, shape: 'triangle' },
  'test-run': { color: PALETTE.green, shape: 'square' },
  'cost-spike': { color: PALETTE.orange, shape: 'star' },
};

/** Days for a week, Mondays up to 90 days, the first of each month for a year. */
function axisTicks(range: ChartRange, from: number, to: number): number[] {
  const ticks: number[] = [];
  for (let day = isoDay(from); Date.parse(day) <= to; day = addDays(day, 1)) {
    const date = new Date(`${day}T00:00:00Z`);
    const keep =
      range === '7d' || (range === '12m' ? date.getUTCDate() === 1 : date.getUTCDay() === 1);
    if (keep) ticks.push(date.getTime());
  }
  return ticks;
}

/** The event in words, as the tooltip and the table both say it. */
function describe(event: TimelineEvent): string {
  if (event.lane === 'cost-spike' && event.amountUsd !== undefined) {
    return `${usd(event.amountUsd)} in a day, over twice the 7-day median of ${usd(event.baselineUsd ?? 0)}`;
  }
  return event.detail ? `${event.title} — ${event.detail}` : event.title;
}

function statusText(event: TimelineEvent): string {
  if (event.lane === 'incident') {
    return event.endAt ? `resolved ${exactTime(new Date(event.endAt))}` : 'ongoing';
  }
  return event.status.replace(/_/g, ' ');
}

/**
 * Everything that happened to one environment in the range, on one time axis, with the same
 * events as a table. It replaces the flat activity list: one look shows a deploy, the incident
 * after it and the rollback that ended it.
 */
export function EnvironmentTimeline({
  environment,
  timeline,
  range,
  searchParams,
}: {
  environment: { slug: string; name: string };
  timeline: {
    from: string;
    to: string;
    events: readonly TimelineEvent[];
    truncated: readonly string[];
  };
  range: ChartRange;
  searchParams: SearchParams;
}) {
  const lanes: TimelineLaneData[] = TIMELINE_LANES.map((lane, index) => ({
    key: lane,
    label: TIMELINE_LANE_LABELS[lane],
    ...LANE_STYLE[lane],
    points: timeline.events
      .filter((event) => event.lane === lane)
      .map((event) => ({
        x: Date.parse(event.at),
        y: index,
        when: exactTime(new Date(event.at)),
        text: describe(event),
        status: statusText(event),
        bad: event.bad,
        href: event.href,
      })),
  }));
  const tally = (lane: TimelineLane) => timeline.events.filter((e) => e.lane === lane).length;
  const table: ChartTableData = {
    caption: `What happened to ${environment.name}, newest first`,
    columns: [
      { key: 'when', label: 'When (UTC)' },
      { key: 'lane', label: 'What' },
      { key: 'event', label: 'Event' },
      { key: 'status', label: 'Outcome' },
    ],
    rows: [...timeline.events].reverse().map((event) => ({
      when: exactTime(new Date(event.at)),
      lane: TIMELINE_LANE_LABELS[event.lane],
      event: describe(event),
      status: statusText(event),
    })),
  };
  const now = Date.parse(timeline.to);
  return (
    <ChartCard
      title={`What happened, ${CHART_RANGE_LABELS[range]}`}
      answer={`${counted(tally('deployment'), 'deployment')}, ${counted(tally('incident'), 'incident')}, ${counted(tally('cost-spike'), 'cost spike')}${
        timeline.truncated.length > 0
          ? ` (newest ${TIMELINE_LANE_LIMIT} ${timeline.truncated
              .map((lane) => TIMELINE_LANE_LABELS[lane as TimelineLane].toLowerCase())
              .join(', ')} shown)`
          : ''
      }`}
      actions={
        <RangePicker
          path={`/environments/${environment.slug}`}
          searchParams={searchParams}
          current={range}
        />
      }
      height={240}
      table={table}
      testId="environment-timeline"
      empty={
        timeline.events.length === 0
          ? {
              title: `Nothing happened in the last ${CHART_RANGE_LABELS[range]}`,
              reason:
                'Deployments, operations, incidents, test runs and cost spikes of this environment show here; try a longer period.',
            }
          : null
      }
    >
      <TimelineChart
        from={Date.parse(timeline.from)}
        to={now}
        lanes={lanes}
        spans={timeline.events
          .filter((event) => event.lane === 'incident')
          .map((event) => ({
            from: Date.parse(event.at),
            to: event.endAt ? Date.parse(event.endAt) : now,
            label: describe(event),
          }))}
        ticks={axisTicks(range, Date.parse(timeline.from), now)}
        label={`Timeline of ${environment.name}`}
      />
    </ChartCard>
  );
}
