import { Sparkline } from '@/components/overview/sparkline';
import { DORA_KEYS, DORA_TREND_WEEKS, type DoraSummary } from '@/lib/domain/dora';
import { DoraBandBadge } from './dora-band-badge';
import {
  DORA_DESCRIPTIONS,
  DORA_TITLES,
  formatDora,
  formatDoraWeek,
  weekValues,
} from './dora-values';
import { shortDay } from '@/lib/format';

/** The four keys: today's value over the range, its band, and the last 12 weeks as a line. */
export function DoraCards({ summary, rangeLabel }: { summary: DoraSummary; rangeLabel: string }) {
  const weeks = summary.weeks.slice(-DORA_TREND_WEEKS);
  return (
    <div className="mb-6 grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
      {DORA_KEYS.map((key) => {
        const figure = summary.figures[key];
        const values = weekValues(key, weeks);
        return (
          <section
            key={key}
            className="flex flex-col gap-2 rounded-lg border border-border bg-surface p-4 shadow-xs"
            data-testid={`dora-card-${key}`}
            aria-label={DORA_TITLES[key]}
          >
            <header className="flex items-start justify-between gap-2">
              <h2 className="text-sm font-semibold text-ink">{DORA_TITLES[key]}</h2>
              <DoraBandBadge band={figure.band} />
            </header>
            <p className="text-2xl font-semibold tabular text-ink" data-testid="dora-value">
              {formatDora(key, figure.value)}
            </p>
            <p className="text-xs text-muted">{rangeLabel}</p>
            <Sparkline
              label={`${DORA_TITLES[key]}, last ${weeks.length} weeks`}
              points={weeks.map((week, index) => ({
                label: `Week of ${shortDay(week.week)}`,
                value: values[index]!,
                text: formatDoraWeek(key, values[index]!),
              }))}
            />
            <p className="text-xs text-muted">{DORA_DESCRIPTIONS[key]}</p>
          </section>
        );
      })}
    </div>
  );
}
