'use client';

import { type ChartUnit, formatValue, shortDay } from './chart-values';
import type { TimeSeries } from './time-series';

interface TooltipEntry {
  dataKey?: unknown;
  value?: unknown;
}

/** Date, each series' value, and the total of a stack — formatted as the table formats them. */
export function ChartTooltip({
  active,
  payload,
  label,
  series,
  unit,
  rightUnit,
  grain,
}: {
  active?: boolean;
  payload?: readonly TooltipEntry[];
  label?: unknown;
  series: readonly TimeSeries[];
  unit: ChartUnit;
  rightUnit?: ChartUnit;
  grain: 'day' | 'week';
}) {
  if (!active || !payload?.length || typeof label !== 'string') return null;
  const values = new Map(payload.map((entry) => [String(entry.dataKey), entry.value]));
  const stacked = series.filter((item) => item.stackId);
  const total = stacked.reduce((sum, item) => sum + (Number(values.get(item.key)) || 0), 0);
  return (
    <div className="rounded-md border border-border bg-surface px-3 py-2 text-xs shadow-md">
      <p className="mb-1 font-semibold text-ink">
        {grain === 'week' ? `Week of ${shortDay(label)}` : shortDay(label)}
      </p>
      <ul className="space-y-0.5">
        {series.map((item) =>
          values.has(item.key) ? (
            <li key={item.key} className="flex items-center justify-between gap-4">
              <span className="flex items-center gap-1.5 text-muted">
                <span
                  aria-hidden="true"
                  className="inline-block size-2 rounded-sm"
                  style={{ background: item.color }}
                />
                {item.label}
              </span>
              <span className="tabular text-ink">
                {formatValue(
                  item.axis === 'right' && rightUnit ? rightUnit : unit,
                  values.get(item.key) as number | null,
                )}
              </span>
            </li>
          ) : null,
        )}
      </ul>
      {stacked.length > 1 ? (
        <p className="mt-1 flex justify-between gap-4 border-t border-border pt-1 font-medium">
          <span>Total</span>
          <span className="tabular">{formatValue(unit, total)}</span>
        </p>
      ) : null}
    </div>
  );
}
