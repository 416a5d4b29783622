import { PALETTE, THRESHOLD_COLOR } from '@/components/charts/palette';

export interface SparklinePoint {
  /** What the point is, as read out: "6 Dec", "Week of 2 Nov". */
  label: string;
  value: number | null;
  /** The value as the page formats it. */
  text: string;
}

const WIDTH = 120;
const HEIGHT = 32;
const PAD = 3;

/**
 * A 120 × 32 line with no axes, drawn on the server as plain SVG: list pages show trends
 * without loading any chart code. The figure is named for assistive technology and its values
 * sit in a visually hidden table. A gap (null) breaks the line; `threshold` is a dashed guide
 * (a budget, an SLO).
 */
export function Sparkline({
  points,
  label,
  threshold,
  color = PALETTE.blue,
  zeroBased = true,
  testId,
}: {
  points: readonly SparklinePoint[];
  label: string;
  threshold?: number;
  color?: string;
  /** Amounts start at zero; availability may zoom to its own range. */
  zeroBased?: boolean;
  testId?: string;
}) {
  const values = points.flatMap((point) => (point.value === null ? [] : [point.value]));
  const scaled = [...values, ...(threshold === undefined ? [] : [threshold])];
  const low = zeroBased ? Math.min(0, ...scaled) : Math.min(...scaled);
  const high = Math.max(...scaled, low + 1e-9);
  const x = (index: number) =>
    points.length <= 1 ? WIDTH / 2 : PAD + (index / (points.length - 1)) * (WIDTH - 2 * PAD);
  const y = (value: number) => HEIGHT - PAD - ((value - low) / (high - low)) * (HEIGHT - 2 * PAD);
  let path = '';
  let drawing = false;
  points.forEach((point, index) => {
    if (point.value === null) {
      drawing = false;
      return;
    }
    path += `${drawing ? 'L' : 'M'}${x(index).toFixed(1)} ${y(point.value).toFixed(1)} `;
    drawing = true;
  });
  const lastIndex = points.findLastIndex((point) => point.value !== null);
  // A measured point between two gaps draws no line: it gets a dot of its own.
  const isolated = points.flatMap((point, index) =>
    point.value !== null &&
    index !== lastIndex &&
    (points[index - 1]?.value ?? null) === null &&
    (points[index + 1]?.value ?? null) === null
      ? [{ index, value: point.value }]
      : [],
  );
  return (
    <figure className="m-0 inline-block" data-testid={testId}>
      <svg
        width={WIDTH}
        height={HEIGHT}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={label}
        className="block overflow-visible"
      >
        {threshold === undefined ? null : (
          <line
            x1={0}
            x2={WIDTH}
            y1={y(threshold)}
            y2={y(threshold)}
            stroke={THRESHOLD_COLOR}
            strokeWidth={1}
            strokeDasharray="3 3"
          />
        )}
        {path ? (
          <path
            d={path.trim()}
            fill="none"
            stroke={color}
            strokeWidth={1.75}
            strokeLinejoin="round"
          />
        ) : null}
        {isolated.map((point) => (
          <circle key={point.index} cx={x(point.index)} cy={y(point.value)} r={1.75} fill={color} />
        ))}
        {lastIndex >= 0 ? (
          <circle cx={x(lastIndex)} cy={y(points[lastIndex]!.value!)} r={2.25} fill={color} />
        ) : null}
      </svg>
      {/* Hidden in a box, not itself: a table is never narrower than its content, so an
          sr-only table would stick out past the screen's edge. */}
      <div className="sr-only">
        <table>
          <caption>{label}</caption>
          <tbody>
            {points.map((point) => (
              <tr key={point.label}>
                <th scope="row">{point.label}</th>
                <td>{point.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
