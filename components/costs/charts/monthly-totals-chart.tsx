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
import { formatTick, formatValue } from '@/components/charts/chart-values';
import { AXIS_COLOR, GRID_COLOR, PALETTE, THRESHOLD_COLOR } from '@/components/charts/palette';
import { shortMonth } from './month-labels';

const TICK = { fontSize: 11, fill: AXIS_COLOR };

export interface MonthlyTotalsChartProps {
  months: readonly { month: string; totalUsd: number }[];
  budgetUsd: number;
  budgetLabel: string;
  label: string;
}

/** One bar per month against the budget; the current month is lighter, as it is not over yet. */
export default function MonthlyTotalsChart({
  months,
  budgetUsd,
  budgetLabel,
  label,
}: MonthlyTotalsChartProps) {
  const lastIndex = months.length - 1;
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart
        data={months as never[]}
        margin={{ top: 16, right: 72, bottom: 0, left: 0 }}
        accessibilityLayer
        title={label}
      >
        <CartesianGrid stroke={GRID_COLOR} vertical={false} />
        <XAxis
          dataKey="month"
          tick={TICK}
          tickLine={false}
          axisLine={{ stroke: GRID_COLOR }}
          tickFormatter={(month: string) => shortMonth(month)}
          // Every month where they fit; on a phone's width a subset, not labels run together.
          interval="preserveStartEnd"
          minTickGap={4}
        />
        <YAxis
          tick={TICK}
          tickLine={false}
          axisLine={false}
          width={64}
          domain={[0, 'auto']}
          tickFormatter={(value: number) => formatTick('usd', value)}
        />
        <Tooltip
          cursor={{ fill: 'rgba(113,113,122,0.08)' }}
          content={({ active, payload, label: month }) =>
            active && payload?.length && typeof month === 'string' ? (
              <div className="rounded-md border border-border bg-surface px-3 py-2 text-xs shadow-md">
                <p className="mb-1 font-semibold text-ink">
                  {shortMonth(month, true)}
                  {month === months[lastIndex]?.month ? ' (so far)' : ''}
                </p>
                <p className="tabular text-ink">{formatValue('usd', Number(payload[0]?.value))}</p>
              </div>
            ) : null
          }
        />
        <Bar
          dataKey="totalUsd"
          name="Spend"
          fill={PALETTE.sky}
          maxBarSize={36}
          isAnimationActive={false}
        >
          {months.map((row, index) => (
            <Cell key={row.month} fillOpacity={index === lastIndex ? 0.45 : 1} />
          ))}
        </Bar>
        {budgetUsd > 0 ? (
          <ReferenceLine
            y={budgetUsd}
            stroke={THRESHOLD_COLOR}
            strokeDasharray="5 4"
            strokeWidth={1}
            ifOverflow="extendDomain"
            label={{ value: budgetLabel, position: 'right', fontSize: 10, fill: THRESHOLD_COLOR }}
          />
        ) : null}
      </BarChart>
    </ResponsiveContainer>
  );
}
