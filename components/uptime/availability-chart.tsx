'use client';

import { useRouter } from 'next/navigation';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatTick, formatValue, shortDay } from '@/components/charts/chart-values';
import { AXIS_COLOR, GRID_COLOR, STATE_COLORS, THRESHOLD_COLOR } from '@/components/charts/palette';
import type { AvailabilityPeriod, AvailabilityState } from '@/lib/domain/uptime-series';
import { count } from '@/lib/format';
import { ChartLegend } from './chart-legend';

const TICK = { fontSize: 11, fill: AXIS_COLOR };
const STATE_FILL: Record<AvailabilityState, string> = {
  ok: STATE_COLORS.ok,
  warning: STATE_COLORS.warning,
  bad: STATE_COLORS.bad,
};

export interface AvailabilityChartProps {
  periods: readonly AvailabilityPeriod[];
  grain: 'day' | 'week';
  sloPct: number;
  /** Where the zoomed axis starts, said above the chart. */
  axisFloor: number;
  /** Incidents as shaded spans of periods. */
  bands: readonly { from: string; to: string }[];
  /** Each period's incidents, one line each, for the tooltip. */
  incidentNotes: Readonly<Record<string, readonly string[]>>;
  partialLast: boolean;
  /** Where a click on a day with an incident goes: the incidents list. */
  incidentsHref: string;
  label: string;
}

/**
 * One bar per day (or week), Statuspage style: green at or above the SLO, amber below it, red
 * under 99 %; incidents shaded behind the bars. The axis is zoomed, and says so.
 */
export default function AvailabilityChart({
  periods,
  grain,
  sloPct,
  axisFloor,
  bands,
  incidentNotes,
  partialLast,
  incidentsHref,
  label,
}: AvailabilityChartProps) {
  const router = useRouter();
  const lastIndex = periods.length - 1;
  const openIncidents = (period: unknown) => {
    if (typeof period === 'string' && incidentNotes[period]) router.push(incidentsHref);
  };
  return (
    <div className="flex h-full flex-col gap-1">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <ChartLegend
          items={[
            { label: 'Meets SLO', color: STATE_COLORS.ok },
            { label: 'Below SLO', color: STATE_COLORS.warning },
            { label: 'Under 99 %', color: STATE_COLORS.bad },
            { label: 'Incident', color: STATE_COLORS.bad, shape: 'band' },
          ]}
        />
        <p className="text-xs text-faint">Axis zoomed: starts at {axisFloor} %</p>
      </div>
      <div className="min-h-0 flex-1">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={periods as AvailabilityPeriod[]}
            margin={{ top: 20, right: 72, bottom: 0, left: 0 }}
            accessibilityLayer
            title={label}
            onClick={(state) => openIncidents(state?.activeLabel)}
          >
            <CartesianGrid stroke={GRID_COLOR} vertical={false} />
            <XAxis
              dataKey="period"
              tick={TICK}
              tickLine={false}
              axisLine={{ stroke: GRID_COLOR }}
              tickFormatter={(period: string) => shortDay(period)}
              minTickGap={24}
              height={40}
              label={{
                value: grain === 'week' ? 'Weeks (UTC, from Monday)' : 'UTC days',
                position: 'insideBottomRight',
                offset: 0,
                fontSize: 10,
                fill: AXIS_COLOR,
              }}
            />
            <YAxis
              tick={TICK}
              tickLine={false}
              axisLine={false}
              width={64}
              domain={[axisFloor, 100]}
              allowDataOverflow
              tickFormatter={(value: number) => formatTick('percent', value)}
            />
            {bands.map((band) => (
              <ReferenceArea
                key={`${band.from}-${band.to}`}
                x1={band.from}
                x2={band.to}
                fill={STATE_COLORS.bad}
                fillOpacity={0.12}
                ifOverflow="hidden"
              />
            ))}
            <Tooltip
              content={<AvailabilityTooltip grain={grain} incidentNotes={incidentNotes} />}
              cursor={{ fill: 'rgba(113,113,122,0.08)' }}
            />
            <Bar dataKey="pct" name="Availability" isAnimationActive={false} maxBarSize={28}>
              {periods.map((period, index) => (
                <Cell
                  key={period.period}
                  fill={period.state ? STATE_FILL[period.state] : GRID_COLOR}
                  fillOpacity={partialLast && index === lastIndex ? 0.5 : 1}
                />
              ))}
            </Bar>
            <ReferenceLine
              y={sloPct}
              stroke={THRESHOLD_COLOR}
              strokeDasharray="5 4"
              strokeWidth={1}
              label={{
                value: `SLO ${sloPct} %`,
                position: 'right',
                fontSize: 10,
                fill: THRESHOLD_COLOR,
              }}
            />
            {partialLast && lastIndex >= 0 ? (
              <ReferenceLine
                x={periods[lastIndex]!.period}
                stroke="none"
                label={{ value: 'so far', position: 'top', fontSize: 10, fill: AXIS_COLOR }}
              />
            ) : null}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}

function AvailabilityTooltip({
  active,
  payload,
  grain,
  incidentNotes,
}: {
  active?: boolean;
  payload?: readonly { payload?: AvailabilityPeriod }[];
  grain: 'day' | 'week';
  incidentNotes: Readonly<Record<string, readonly string[]>>;
}) {
  const period = payload?.[0]?.payload;
  if (!active || !period) return null;
  const notes = incidentNotes[period.period] ?? [];
  return (
    <div className="max-w-xs rounded-md border border-border bg-surface px-3 py-2 text-xs shadow-md">
      <p className="mb-1 font-semibold text-ink">
        {grain === 'week' ? `Week of ${shortDay(period.period)}` : shortDay(period.period)}
      </p>
      <dl className="grid grid-cols-[auto_auto] gap-x-4 gap-y-0.5">
        <dt className="text-muted">Availability</dt>
        <dd className="text-right tabular text-ink">{formatValue('percent', period.pct)}</dd>
        <dt className="text-muted">Checks</dt>
        <dd className="text-right tabular text-ink">{count(period.checks)}</dd>
        <dt className="text-muted">Failures</dt>
        <dd className="text-right tabular text-ink">{count(period.failures)}</dd>
      </dl>
      {notes.length > 0 ? (
        <ul className="mt-1 space-y-0.5 border-t border-border pt-1 text-ink">
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
