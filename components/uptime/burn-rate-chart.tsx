'use client';

import {
  Bar,
  BarChart,
  Cell,
  LabelList,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { AXIS_COLOR, PALETTE, STATE_COLORS, THRESHOLD_COLOR } from '@/components/charts/palette';
import { BURN_WINDOW_LABEL, type BurnRateReading, formatBurnRate } from '@/lib/domain/burn-rate';
import { count } from '@/lib/format';
import { ChartLegend } from './chart-legend';

const TICK = { fontSize: 11, fill: AXIS_COLOR };

interface WindowBar {
  window: string;
  rate: number | null;
  checks: number;
  over: boolean;
  long: boolean;
}

/**
 * One small panel per alert of the SRE workbook's table: the long and short windows' burn rates
 * against the alert's factor (dashed). A rate past the axis runs to its edge; its label says
 * the figure.
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
      rate: reading.longRate,
      checks: reading.longChecks,
      over: (reading.longRate ?? 0) > reading.threshold,
      long: true,
    },
    {
      window: BURN_WINDOW_LABEL[reading.short],
      rate: reading.shortRate,
      checks: reading.shortChecks,
      over: (reading.shortRate ?? 0) > reading.threshold,
      long: false,
    },
  ];
  const axisMax = reading.threshold * 2.5;
  return (
    <div className="flex min-h-0 items-center gap-2">
      <p className="w-28 shrink-0 text-xs leading-tight text-muted">
        <span className="font-medium text-ink">
          {BURN_WINDOW_LABEL[reading.long]} / {BURN_WINDOW_LABEL[reading.short]}
        </span>
        <br />
        {reading.severity} at {formatBurnRate(reading.threshold)}
        {reading.firing ? <span className="ml-1 font-semibold text-red-700">firing</span> : null}
      </p>
      <div className="h-full min-w-0 flex-1">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={bars}
            layout="vertical"
            margin={{ top: 2, right: 56, bottom: 2, left: 0 }}
            accessibilityLayer
            barCategoryGap={3}
          >
            <XAxis type="number" domain={[0, axisMax]} allowDataOverflow hide />
            <YAxis
              type="category"
              dataKey="window"
              tick={TICK}
              tickLine={false}
              axisLine={false}
              width={56}
            />
            <Tooltip content={<BurnTooltip />} cursor={{ fill: 'rgba(113,113,122,0.08)' }} />
            <Bar dataKey="rate" name="Burn rate" isAnimationActive={false}>
              {bars.map((bar) => (
                <Cell
                  key={bar.window}
                  fill={bar.over ? STATE_COLORS.bad : bar.long ? PALETTE.blue : PALETTE.sky}
                />
              ))}
              <LabelList
                dataKey="rate"
                position="right"
                fontSize={10}
                fill={AXIS_COLOR}
                formatter={(value: unknown) =>
                  formatBurnRate(typeof value === 'number' ? value : null)
                }
              />
            </Bar>
            <ReferenceLine
              x={reading.threshold}
              stroke={THRESHOLD_COLOR}
              strokeDasharray="4 3"
              label={{
                value: formatBurnRate(reading.threshold),
                position: 'top',
                fontSize: 10,
                fill: THRESHOLD_COLOR,
              }}
            />
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
