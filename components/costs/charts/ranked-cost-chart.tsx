'use client';

import { useRouter } from 'next/navigation';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatTick, formatValue } from '@/components/charts/chart-values';
import { AXIS_COLOR, GRID_COLOR } from '@/components/charts/palette';

export interface RankedCost {
  label: string;
  amountUsd: number;
  /** Where the row's page is; null when it has none. */
  href: string | null;
}

export interface RankedCostChartProps {
  rows: readonly RankedCost[];
  color: string;
  label: string;
}

const LABEL_WIDTH = 132;

/** Costliest first, one horizontal bar each; a bar or its name opens the row's page. */
export default function RankedCostChart({ rows, color, label }: RankedCostChartProps) {
  const router = useRouter();
  const open = (index: unknown) => {
    const href = typeof index === 'number' ? rows[index]?.href : null;
    if (href) router.push(href);
  };
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart
        data={rows as never[]}
        layout="vertical"
        margin={{ top: 0, right: 24, bottom: 0, left: 0 }}
        accessibilityLayer
        title={label}
        onClick={(state) =>
          open(state?.activeTooltipIndex === undefined ? null : Number(state.activeTooltipIndex))
        }
        style={{ cursor: 'pointer' }}
      >
        <CartesianGrid stroke={GRID_COLOR} horizontal={false} />
        <XAxis
          type="number"
          tick={{ fontSize: 11, fill: AXIS_COLOR }}
          tickLine={false}
          axisLine={{ stroke: GRID_COLOR }}
          domain={[0, 'auto']}
          tickFormatter={(value: number) => formatTick('usd', value)}
        />
        <YAxis
          type="category"
          dataKey="label"
          width={LABEL_WIDTH}
          tickLine={false}
          axisLine={false}
          interval={0}
          tick={({ x, y, payload, index }) => {
            const row = rows[index as number];
            const text = String(payload?.value ?? '');
            const short = text.length > 18 ? `${text.slice(0, 17)}…` : text;
            const body = (
              <text
                x={Number(x) - 6}
                y={Number(y)}
                dy={4}
                textAnchor="end"
                fontSize={11}
                fill={row?.href ? '#2563eb' : AXIS_COLOR}
              >
                <title>{text}</title>
                {short}
              </text>
            );
            return row?.href ? <a href={row.href}>{body}</a> : body;
          }}
        />
        <Tooltip
          cursor={{ fill: 'rgba(113,113,122,0.08)' }}
          content={({ active, payload }) => {
            const row = payload?.[0]?.payload as RankedCost | undefined;
            return active && row ? (
              <div className="rounded-md border border-border bg-surface px-3 py-2 text-xs shadow-md">
                <p className="mb-1 font-semibold text-ink">{row.label}</p>
                <p className="tabular text-ink">{formatValue('usd', row.amountUsd)}</p>
              </div>
            ) : null;
          }}
        />
        <Bar
          dataKey="amountUsd"
          name="Cost"
          fill={color}
          maxBarSize={18}
          isAnimationActive={false}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}
