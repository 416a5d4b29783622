'use client';

import {
  Bar,
  CartesianGrid,
  Cell,
  ComposedChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartTooltip } from '@/components/charts/chart-tooltip';
import { formatTick, shortDay } from '@/components/charts/chart-values';
import { AXIS_COLOR, GRID_COLOR, STATE_COLORS, THRESHOLD_COLOR } from '@/components/charts/palette';
import type { TimePoint, TimeSeries } from '@/components/charts/time-series';

const TICK = { fontSize: 11, fill: AXIS_COLOR };

export interface SuccessRateChartProps {
  data: readonly TimePoint[];
  /** One bar series per workflow, values in percent (0–100). */
  series: readonly TimeSeries[];
  /** Bars under it are red; a dashed line marks it. Percent. */
  targetPct: number;
  grain: 'day' | 'week';
  label: string;
}

/**
 * Success rate bars per workflow: the workflow's colour when at or above the target, red under
 * it (the kit's generic chart colours a series, not a bar). Lazy (lazy-ci-charts.tsx).
 */
export default function SuccessRateChart({
  data,
  series,
  targetPct,
  grain,
  label,
}: SuccessRateChartProps) {
  const lastIndex = data.length - 1;
  return (
    <div className="flex h-full flex-col">
      <ul className="mb-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted" aria-hidden="true">
        {series.map((item) => (
          <li key={item.key} className="flex items-center gap-1.5">
            <span className="inline-block size-2.5 rounded-sm" style={{ background: item.color }} />
            {item.label}
          </li>
        ))}
        <li className="flex items-center gap-1.5">
          <span
            className="inline-block size-2.5 rounded-sm"
            style={{ background: STATE_COLORS.bad }}
          />
          Under {targetPct} %
        </li>
      </ul>
      <div className="min-h-0 flex-1">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart
            data={data as never[]}
            margin={{ top: 20, right: 72, bottom: 0, left: 0 }}
            accessibilityLayer
            title={label}
          >
            <CartesianGrid stroke={GRID_COLOR} vertical={false} />
            <XAxis
              dataKey="period"
              tick={TICK}
              tickLine={false}
              axisLine={{ stroke: GRID_COLOR }}
              tickFormatter={(period: string) => shortDay(period)}
              minTickGap={24}
              label={{
                value: grain === 'week' ? 'Weeks (UTC, from Monday)' : 'UTC days',
                position: 'insideBottomRight',
                offset: 4,
                fontSize: 10,
                fill: AXIS_COLOR,
              }}
              height={36}
            />
            <YAxis
              tick={TICK}
              tickLine={false}
              axisLine={false}
              width={48}
              domain={[0, 100]}
              ticks={[0, 25, 50, 75, 100]}
              tickFormatter={(value: number) => formatTick('percent', value)}
            />
            <Tooltip
              content={<ChartTooltip series={series} unit="percent" grain={grain} />}
              cursor={{ fill: 'rgba(113,113,122,0.08)' }}
            />
            {series.map((item) => (
              <Bar
                key={item.key}
                dataKey={item.key}
                name={item.label}
                fill={item.color}
                maxBarSize={28}
                isAnimationActive={false}
              >
                {data.map((point, index) => {
                  const value = point[item.key];
                  const low = typeof value === 'number' && value < targetPct;
                  return (
                    <Cell
                      key={point.period}
                      fill={low ? STATE_COLORS.bad : item.color}
                      fillOpacity={index === lastIndex ? 0.45 : 1}
                    />
                  );
                })}
              </Bar>
            ))}
            <ReferenceLine
              y={targetPct}
              stroke={THRESHOLD_COLOR}
              strokeDasharray="5 4"
              strokeWidth={1}
              label={{
                value: `Target ${targetPct} %`,
                position: 'right',
                fontSize: 10,
                fill: THRESHOLD_COLOR,
              }}
            />
            {lastIndex >= 0 ? (
              <ReferenceLine
                x={data[lastIndex]!.period}
                stroke="none"
                // Above the plot: inside it, the label would run into the target's.
                label={{ value: 'so far', position: 'top', fontSize: 10, fill: AXIS_COLOR }}
              />
            ) : null}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
