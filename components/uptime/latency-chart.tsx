'use client';

import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatValue, shortDay } from '@/components/charts/chart-values';
import { AXIS_COLOR, GRID_COLOR, PALETTE } from '@/components/charts/palette';
import type { LatencyPoint } from '@/lib/domain/uptime-series';
import { latencyPeriodLabel } from './latency-period';

const TICK = { fontSize: 11, fill: AXIS_COLOR };

export interface LatencyChartProps {
  points: readonly LatencyPoint[];
  grain: 'hour' | 'day';
  label: string;
}

/** p50 and p95 of the successful checks, by UTC hour or day; p95 is the lighter line. */
export default function LatencyChart({ points, grain, label }: LatencyChartProps) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart
        data={points as LatencyPoint[]}
        margin={{ top: 8, right: 24, bottom: 0, left: 0 }}
        accessibilityLayer
        title={label}
      >
        <CartesianGrid stroke={GRID_COLOR} vertical={false} />
        <XAxis
          dataKey="period"
          tick={TICK}
          tickLine={false}
          axisLine={{ stroke: GRID_COLOR }}
          tickFormatter={(period: string) =>
            grain === 'hour' ? period.slice(11, 16) : shortDay(period)
          }
          minTickGap={24}
          height={40}
          label={{
            value: grain === 'hour' ? 'UTC hours' : 'UTC days',
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
          width={56}
          domain={[0, 'auto']}
          tickFormatter={(value: number) => formatValue('ms', value)}
        />
        <Tooltip content={<LatencyTooltip grain={grain} />} cursor={{ stroke: GRID_COLOR }} />
        <Legend
          verticalAlign="top"
          align="left"
          height={24}
          iconSize={10}
          wrapperStyle={{ fontSize: 12 }}
        />
        <Line
          dataKey="p50"
          name="p50"
          type="monotone"
          stroke={PALETTE.blue}
          strokeWidth={2}
          dot={false}
          connectNulls={false}
          isAnimationActive={false}
        />
        <Line
          dataKey="p95"
          name="p95"
          type="monotone"
          stroke={PALETTE.blue}
          strokeWidth={1.5}
          strokeOpacity={0.5}
          dot={false}
          connectNulls={false}
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}

function LatencyTooltip({
  active,
  payload,
  grain,
}: {
  active?: boolean;
  payload?: readonly { payload?: LatencyPoint }[];
  grain: 'hour' | 'day';
}) {
  const point = payload?.[0]?.payload;
  if (!active || !point) return null;
  return (
    <div className="rounded-md border border-border bg-surface px-3 py-2 text-xs shadow-md">
      <p className="mb-1 font-semibold text-ink">{latencyPeriodLabel(point.period, grain)}</p>
      <dl className="grid grid-cols-[auto_auto] gap-x-4 gap-y-0.5">
        <dt className="text-muted">p50</dt>
        <dd className="text-right tabular text-ink">{formatValue('ms', point.p50)}</dd>
        <dt className="text-muted">p95</dt>
        <dd className="text-right tabular text-ink">{formatValue('ms', point.p95)}</dd>
      </dl>
    </div>
  );
}
