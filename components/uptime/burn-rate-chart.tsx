'use client';

import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import {
  AXIS_COLOR,
  GRID_COLOR,
  PALETTE,
  STATE_COLORS,
  THRESHOLD_COLOR,
} from '@/components/charts/palette';
import { BURN_WINDOW_LABEL, type BurnRateReading, formatBurnRate } from '@/lib/domain/burn-rate';
import { count } from '@/lib/format';
import { ChartLegend } from './chart-legend';

const TICK = { fontSize: 11, fill: AXIS_COLOR };

interface WindowBar {
  window: string;
  /** The axis label: the window and its rate, so a rate of zero still reads. */
  tick: string;
  rate: number | null;
  checks: number;
  over: boolean;
  long: boolean;
}

/**
 * One small panel per alert of the SRE workbook's table: the long and short windows' burn rates
 * against the alert's factor (dashed, its tick on the axis), on an axis to 2.5 × the factor. A
 * rate past the axis runs to its edge; the window's label says each figure.
 */
export default function BurnRateChart({
  readings,
  label,
}: {
  readings: readonly BurnRateReading[];
  label: string;
}) {
  return (
    <div className="flex h-full flex-col gap-2" role="group" aria-label={label}>
      <ChartLegend
        items={[
          { label: 'Long window', color: PALETTE.blue },
          { label: 'Short window', color: PALETTE.sky },
          { label: 'Over the alert factor', color: STATE_COLORS.bad },
          { label: 'Alert factor', color: THRESHOLD_COLOR, shape: 'dash' },
        ]}
      />
      <div className="grid min-h-0 flex-1 grid-rows-4 gap-1">
        {readings.map((reading) => (
          <AlertPanel key={reading.long} reading={reading} />
        ))}
      </div>
    </div>
  );
}

function AlertPanel({ reading }: { reading: BurnRateReading }) {
  const bars: WindowBar[] = [
    {
      window: BURN_WINDOW_LABEL[reading.long],
      tick: `${BURN_WINDOW_LABEL[reading.long]} · ${formatBurnRate(reading.longRate)}`,
      rate: reading.longRate,
      checks: reading.longChecks,
      over: (reading.longRate ?? 0) > reading.threshold,
      long: true,
    },
    {
      window: BURN_WINDOW_LABEL[reading.short],
      tick: `${BURN_WINDOW_LABEL[reading.short]} · ${formatBurnRate(reading.shortRate)}`,
      rate: reading.shortRate,
      checks: reading.shortChecks,
      over: (reading.shortRate ?? 0) > reading.threshold,
      long: false,
    },
  ];
  const axisMax = reading.threshold * 2.5;
  return (
    <div className="flex min-h-0 flex-col gap-0.5 sm:flex-row sm:items-center sm:gap-2">
      <p className="shrink-0 text-xs leading-tight text-muted sm:w-36">
        <span className="font-medium text-ink">
          {BURN_WINDOW_LABEL[reading.long]} / {BURN_WINDOW_LABEL[reading.short]}
        </span>
        <br className="hidden sm:inline" /> {reading.severity} at{' '}
        {formatBurnRate(reading.threshold)}
        {reading.firing ? <span className="ml-1 font-semibold text-red-700">firing</span> : null}
      </p>
      <div className="min-h-0 min-w-0 flex-1 sm:h-full">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={bars}
            layout="vertical"
            margin={{ top: 4, right: 24, bottom: 0, left: 0 }}
            accessibilityLayer
            barCategoryGap={3}
          >
            <CartesianGrid stroke={GRID_COLOR} horizontal={false} />
            <XAxis
              type="number"
              domain={[0, axisMax]}
              ticks={[0, reading.threshold, axisMax]}
              allowDataOverflow
              tick={TICK}
              tickLine={false}
              axisLine={false}
              height={16}
              tickFormatter={(value: number) => `${value}×`}
            />
            <YAxis
              type="category"
              dataKey="tick"
              interval={0}
              tick={TICK}
              tickLine={false}
              axisLine={false}
              width={112}
            />
            <Tooltip content={<BurnTooltip />} cursor={{ fill: 'rgba(113,113,122,0.08)' }} />
            <Bar dataKey="rate" name="Burn rate" isAnimationActive={false}>
              {bars.map((bar) => (
                <Cell
                  key={bar.window}
                  fill={bar.over ? STATE_COLORS.bad : bar.long ? PALETTE.blue : PALETTE.sky}
                />
              ))}
            </Bar>
            <ReferenceLine x={reading.threshold} stroke={THRESHOLD_COLOR} strokeDasharray="4 3" />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}

function BurnTooltip({
  active,
  payload,
}: {
  active?: boolean;
  payload?: readonly { payload?: WindowBar }[];
}) {
  const bar = payload?.[0]?.payload;
  if (!active || !bar) return null;
  return (
    <div className="rounded-md border border-border bg-surface px-3 py-2 text-xs shadow-md">
      <p className="font-semibold text-ink">Last {bar.window}</p>
      <p className="tabular text-ink">
        {formatBurnRate(bar.rate)} over {count(bar.checks)} checks
      </p>
    </div>
  );
}
