'use client';

import { useRouter } from 'next/navigation';
import {
  CartesianGrid,
  Cell,
  Legend,
  ReferenceArea,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { AXIS_COLOR, GRID_COLOR, STATE_COLORS } from '@/components/charts/palette';
import { shortDay } from '@/lib/format';

export interface TimelinePoint {
  /** Epoch milliseconds. */
  x: number;
  /** The lane's row, 0 at the top. */
  y: number;
  when: string;
  text: string;
  status: string;
  bad: boolean;
  href: string | null;
}

export interface TimelineLaneData {
  key: string;
  label: string;
  color: string;
  shape: 'circle' | 'diamond' | 'triangle' | 'square' | 'star';
  points: TimelinePoint[];
}

export interface TimelineChartProps {
  from: number;
  to: number;
  lanes: readonly TimelineLaneData[];
  /** Incidents as shaded spans over every lane. */
  spans: readonly { from: number; to: number; label: string }[];
  /** Where the time axis is marked: days, Mondays or months, as the range suits. */
  ticks: readonly number[];
  label: string;
}

const TICK = { fontSize: 11, fill: AXIS_COLOR };
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function PointTooltip({
  active,
  payload,
}: {
  active?: boolean;
  payload?: readonly { payload?: TimelinePoint }[];
}) {
  const point = payload?.[0]?.payload;
  if (!active || !point) return null;
  return (
    <div className="max-w-xs rounded-md border border-border bg-surface px-3 py-2 text-xs shadow-md">
      <p className="font-semibold text-ink">{point.when}</p>
      <p className="text-ink">{point.text}</p>
      <p className={point.bad ? 'text-red-700' : 'text-muted'}>{point.status}</p>
    </div>
  );
}

/**
 * One environment's deployments, operations, incidents, test runs and cost spikes on one time
 * axis, a lane each; bad outcomes are red, incidents shade the whole height. A click on a point
 * opens the rows behind it.
 */
export default function TimelineChart({
  from,
  to,
  lanes,
  spans,
  ticks,
  label,
}: TimelineChartProps) {
  const router = useRouter();
  const names = lanes.map((lane) => lane.label);
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ScatterChart
        margin={{ top: 8, right: 24, bottom: 4, left: 8 }}
        accessibilityLayer
        title={label}
      >
        <CartesianGrid stroke={GRID_COLOR} />
        <XAxis
          type="number"
          dataKey="x"
          domain={[from, to]}
          scale="time"
          tick={TICK}
          tickLine={false}
          axisLine={{ stroke: GRID_COLOR }}
          tickFormatter={(ms: number) => shortDay(isoDay(ms))}
          ticks={[...ticks]}
          minTickGap={16}
          label={{
            value: 'UTC',
            position: 'insideBottomRight',
            offset: -2,
            fontSize: 10,
            fill: AXIS_COLOR,
          }}
          height={40}
        />
        <YAxis
          type="number"
          dataKey="y"
          domain={[-0.5, lanes.length - 0.5]}
          ticks={lanes.map((_, index) => index)}
          reversed
          tick={TICK}
          tickLine={false}
          axisLine={false}
          width={88}
          tickFormatter={(index: number) => names[index] ?? ''}
        />
        <Tooltip content={<PointTooltip />} cursor={{ strokeDasharray: '3 3' }} />
        <Legend
          verticalAlign="top"
          align="left"
          height={24}
          iconSize={10}
          wrapperStyle={{ fontSize: 12 }}
          itemSorter={null}
        />
        {spans.map((span) => (
          <ReferenceArea
            key={`${span.from}-${span.label}`}
            x1={span.from}
            x2={Math.max(span.to, span.from + 1)}
            fill={STATE_COLORS.bad}
            fillOpacity={0.1}
            ifOverflow="hidden"
          />
        ))}
        {lanes.map((lane) => (
          <Scatter
            key={lane.key}
            name={lane.label}
            data={lane.points}
            fill={lane.color}
            shape={lane.shape}
            isAnimationActive={false}
            onClick={(point: { payload?: TimelinePoint }) => {
              if (point.payload?.href) router.push(point.payload.href);
            }}
            style={{ cursor: 'pointer' }}
          >
            {lane.points.map((point) => (
              <Cell
                key={`${point.x}-${point.text}`}
                fill={point.bad ? STATE_COLORS.bad : lane.color}
              />
            ))}
          </Scatter>
        ))}
      </ScatterChart>
    </ResponsiveContainer>
  );
}
