'use client';

import { useRouter } from 'next/navigation';
import {
  Area,
  Bar,
  CartesianGrid,
  Cell,
  ComposedChart,
  Legend,
  Line,
  ReferenceArea,
  ReferenceDot,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartTooltip } from './chart-tooltip';
import { durationTicks, formatTick, roundTicks, shortDay } from './chart-values';
import { AXIS_COLOR, GRID_COLOR, STATE_COLORS, THRESHOLD_COLOR } from './palette';
import type { TimeSeriesChartProps } from './time-series';

const TICK = { fontSize: 11, fill: AXIS_COLOR };

/**
 * Bars, lines and areas over days or weeks, with thresholds, markers and bands: the one chart
 * body the ops views compose. Loaded lazily (see lazy-charts.tsx), so recharts never reaches a
 * page that draws no chart.
 */
export default function TimeSeriesChart({
  data,
  series,
  unit,
  rightUnit,
  grain,
  thresholds = [],
  markers = [],
  bands = [],
  yDomain,
  partialLast = false,
  periodHref,
  label,
}: TimeSeriesChartProps) {
  const router = useRouter();
  const lastIndex = data.length - 1;
  const leftTicks = yDomain
    ? undefined
    : axisTicks(unit, leftMax(data, series, thresholds, markers));
  const openPeriod = periodHref
    ? (period: unknown) => {
        if (typeof period === 'string') router.push(periodHref.replace('{period}', period));
      }
    : undefined;
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart
        data={data as never[]}
        margin={{ top: 16, right: 72, bottom: 0, left: 0 }}
        accessibilityLayer
        title={label}
        onClick={openPeriod ? (state) => openPeriod(state?.activeLabel) : undefined}
        style={openPeriod ? { cursor: 'pointer' } : undefined}
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
          yAxisId="left"
          tick={TICK}
          tickLine={false}
          axisLine={false}
          width={64}
          domain={leftTicks ? [0, leftTicks.at(-1)!] : (yDomain ?? [0, 'auto'])}
          ticks={leftTicks}
          // Counts are whole: fractional ticks would round to repeated labels (1, 1, 2).
          allowDecimals={unit !== 'count'}
          allowDataOverflow={Boolean(yDomain)}
          tickFormatter={(value: number) => formatTick(unit, value)}
        />
        {rightUnit ? (
          <YAxis
            yAxisId="right"
            orientation="right"
            tick={TICK}
            tickLine={false}
            axisLine={false}
            width={56}
            domain={[0, 'auto']}
            tickFormatter={(value: number) => formatTick(rightUnit, value)}
          />
        ) : null}
        <Tooltip
          content={<ChartTooltip series={series} unit={unit} rightUnit={rightUnit} grain={grain} />}
          cursor={{ fill: 'rgba(113,113,122,0.08)' }}
        />
        <Legend
          verticalAlign="top"
          align="left"
          height={24}
          iconSize={10}
          wrapperStyle={{ fontSize: 12 }}
        />
        {bands.map((band) => (
          <ReferenceArea
            key={`${band.from}-${band.label}`}
            yAxisId="left"
            x1={band.from}
            x2={band.to}
            fill={band.tone === 'bad' ? STATE_COLORS.bad : THRESHOLD_COLOR}
            fillOpacity={0.1}
            ifOverflow="extendDomain"
            label={{ value: band.label, position: 'insideTop', fontSize: 10, fill: AXIS_COLOR }}
          />
        ))}
        {series.map((item) => {
          const common = {
            dataKey: item.key,
            name: item.label,
            yAxisId: item.axis ?? 'left',
            isAnimationActive: false,
          };
          if (item.kind === 'bar') {
            return (
              <Bar
                key={item.key}
                {...common}
                fill={item.color}
                stackId={item.stackId}
                maxBarSize={28}
              >
                {data.map((point, index) => (
                  <Cell
                    key={point.period}
                    fillOpacity={partialLast && index === lastIndex ? 0.45 : 1}
                  />
                ))}
              </Bar>
            );
          }
          if (item.kind === 'area') {
            return (
              <Area
                key={item.key}
                {...common}
                type="monotone"
                stroke={item.color}
                fill={item.color}
                fillOpacity={0.15}
                stackId={item.stackId}
                connectNulls={false}
              />
            );
          }
          return (
            <Line
              key={item.key}
              {...common}
              type="monotone"
              stroke={item.color}
              strokeWidth={item.secondary ? 1.5 : 2}
              strokeOpacity={item.secondary ? 0.55 : 1}
              strokeDasharray={item.dotted ? '2 4' : undefined}
              dot={false}
              connectNulls={false}
            />
          );
        })}
        {thresholds.map((threshold) => (
          <ReferenceLine
            key={threshold.label}
            yAxisId={threshold.axis ?? 'left'}
            y={threshold.value}
            stroke={THRESHOLD_COLOR}
            strokeDasharray="5 4"
            strokeWidth={1}
            ifOverflow="extendDomain"
            label={{
              value: threshold.label,
              position: 'right',
              fontSize: 10,
              fill: THRESHOLD_COLOR,
            }}
          />
        ))}
        {markers.map((marker) => (
          <ReferenceDot
            key={`${marker.period}-${marker.label}`}
            yAxisId="left"
            x={marker.period}
            y={marker.value}
            r={4}
            fill={STATE_COLORS.bad}
            stroke="white"
            ifOverflow="extendDomain"
            label={{ value: '▲', position: 'top', fontSize: 10, fill: STATE_COLORS.bad }}
          >
            <title>{marker.label}</title>
          </ReferenceDot>
        ))}
        {partialLast && lastIndex >= 0 ? (
          <ReferenceLine
            yAxisId="left"
            x={data[lastIndex]!.period}
            stroke="none"
            label={{ value: 'so far', position: 'insideBottom', fontSize: 10, fill: AXIS_COLOR }}
          />
        ) : null}
      </ComposedChart>
    </ResponsiveContainer>
  );
}

/** Round ticks for amounts; durations on whole seconds or minutes. */
function axisTicks(unit: TimeSeriesChartProps['unit'], max: number): number[] {
  if (unit === 'duration') return durationTicks(max);
  return roundTicks(max, unit === 'count');
}

/**
 * The largest value the left axis must hold: each point's lines and its stacks' totals, and the
 * thresholds and markers drawn against it.
 */
function leftMax(
  data: TimeSeriesChartProps['data'],
  series: TimeSeriesChartProps['series'],
  thresholds: NonNullable<TimeSeriesChartProps['thresholds']>,
  markers: NonNullable<TimeSeriesChartProps['markers']>,
): number {
  let max = 0;
  for (const point of data) {
    const stacks = new Map<string, number>();
    for (const item of series) {
      const value = point[item.key];
      if (item.axis === 'right' || typeof value !== 'number') continue;
      if (item.stackId) stacks.set(item.stackId, (stacks.get(item.stackId) ?? 0) + value);
      else max = Math.max(max, value);
    }
    for (const total of stacks.values()) max = Math.max(max, total);
  }
  for (const threshold of thresholds)
    if (threshold.axis !== 'right') max = Math.max(max, threshold.value);
  for (const marker of markers) max = Math.max(max, marker.value);
  return max;
}
