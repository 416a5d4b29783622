'use client';

import {
  Bar,
  CartesianGrid,
  Cell,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { AXIS_COLOR, GRID_COLOR, PALETTE, THRESHOLD_COLOR } from '@/components/charts/palette';
import type { DoraKey } from '@/lib/domain/dora';
import { shortDay } from '@/lib/format';
import { doraTicks, formatDoraTick, formatDoraWeek } from './dora-values';

const TICK = { fontSize: 11, fill: AXIS_COLOR };

export interface DoraTrendPoint {
  /** The Monday (UTC) of the ISO week. */
  week: string;
  value: number | null;
  /** What the value rests on: "1 of 5 failed". */
  basis: string;
}

export interface DoraTrendChartProps {
  doraKey: DoraKey;
  seriesLabel: string;
  data: readonly DoraTrendPoint[];
  guides: readonly { value: number; label: string }[];
  label: string;
}

interface TooltipProps {
  active?: boolean;
  payload?: readonly { payload?: DoraTrendPoint }[];
  doraKey: DoraKey;
  seriesLabel: string;
}

function TrendTooltip({ active, payload, doraKey, seriesLabel }: TooltipProps) {
  const point = payload?.[0]?.payload;
  if (!active || !point) return null;
  return (
    <div className="rounded-md border border-border bg-surface px-3 py-2 text-xs shadow-md">
      <p className="mb-1 font-semibold text-ink">Week of {shortDay(point.week)}</p>
      <p className="flex justify-between gap-4">
        <span className="text-muted">{seriesLabel}</span>
        <span className="tabular text-ink">{formatDoraWeek(doraKey, point.value)}</span>
      </p>
      <p className="text-muted">{point.basis}</p>
    </div>
  );
}

/**
 * One DORA key by ISO week: bars for deployments, a line for the others, and the DORA bands'
 * edges as dashed guides labelled at their right end. The last week is still running (lighter).
 */
export default function DoraTrendChart({
  doraKey,
  seriesLabel,
  data,
  guides,
  label,
}: DoraTrendChartProps) {
  const lastIndex = data.length - 1;
  const top = Math.max(
    0,
    ...data.map((point) => point.value ?? 0),
    ...guides.map((guide) => guide.value),
  );
  const ticks = doraTicks(doraKey, top);
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart
        data={data as DoraTrendPoint[]}
        margin={{ top: 16, right: 104, bottom: 4, left: 0 }}
        accessibilityLayer
        title={label}
      >
        <CartesianGrid stroke={GRID_COLOR} vertical={false} />
        <XAxis
          dataKey="week"
          tick={TICK}
          tickLine={false}
          axisLine={{ stroke: GRID_COLOR }}
          tickFormatter={(week: string) => shortDay(week)}
          minTickGap={24}
          label={{
            value: 'Weeks (UTC, from Monday)',
            position: 'insideBottomRight',
            offset: -2,
            fontSize: 10,
            fill: AXIS_COLOR,
          }}
          height={40}
        />
        <YAxis
          tick={TICK}
          tickLine={false}
          axisLine={false}
          width={64}
          domain={ticks ? [0, ticks.at(-1)!] : [0, 'auto']}
          ticks={ticks}
          allowDecimals={doraKey !== 'deploymentFrequency'}
          tickFormatter={(value: number) => formatDoraTick(doraKey, value)}
        />
        <Tooltip
          content={<TrendTooltip doraKey={doraKey} seriesLabel={seriesLabel} />}
          cursor={{ fill: 'rgba(113,113,122,0.08)' }}
        />
        <Legend
          verticalAlign="top"
          align="left"
          height={24}
          iconSize={10}
          wrapperStyle={{ fontSize: 12 }}
        />
        {doraKey === 'deploymentFrequency' ? (
          <Bar
            dataKey="value"
            name={seriesLabel}
            fill={PALETTE.blue}
            maxBarSize={28}
            isAnimationActive={false}
          >
            {data.map((point, index) => (
              <Cell key={point.week} fillOpacity={index === lastIndex ? 0.45 : 1} />
            ))}
          </Bar>
        ) : (
          <Line
            dataKey="value"
            name={seriesLabel}
            type="linear"
            stroke={PALETTE.blue}
            strokeWidth={2}
            dot={{ r: 3 }}
            connectNulls={false}
            isAnimationActive={false}
          />
        )}
        {guides.map((guide) => (
          <ReferenceLine
            key={guide.label}
            y={guide.value}
            stroke={THRESHOLD_COLOR}
            strokeDasharray="5 4"
            strokeWidth={1}
            ifOverflow="extendDomain"
            label={{ value: guide.label, position: 'right', fontSize: 10, fill: THRESHOLD_COLOR }}
          />
        ))}
        {lastIndex >= 0 ? (
          <ReferenceLine
            x={data[lastIndex]!.week}
            stroke="none"
            label={{ value: 'so far', position: 'insideTop', fontSize: 10, fill: AXIS_COLOR }}
          />
        ) : null}
      </ComposedChart>
    </ResponsiveContainer>
  );
}
