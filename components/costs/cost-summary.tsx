import { Stat, StatGrid } from '@/components/ui/stat';
import { StatusBadge, type Tone } from '@/components/ui/status-badge';
import { BUDGET_STATUS_LABEL, type BudgetStatus, type CostOverview } from '@/lib/domain/costs';
import { percent, usd } from '@/lib/format';
import { dayLabel } from './labels';
import { RunbookLink } from '@/components/runbooks/runbook-link';

const STATUS_TONE: Record<BudgetStatus, Tone> = {
  over: 'danger',
  'forecast-over': 'warning',
  under: 'success',
};
const STAT_TONE = { over: 'bad', 'forecast-over': 'warn', under: 'good' } as const;

/** Month-to-date against the budget, the forecast, and the verdict in words. */
export function CostSummary({ overview }: { overview: CostOverview }) {
  const spent = Math.min(100, overview.budgetUsedRatio * 100);
  const forecast =
    overview.budgetUsd > 0 ? Math.min(100, (overview.forecastUsd / overview.budgetUsd) * 100) : 0;
  return (
    <section
      className="mb-6 rounded-lg border border-border bg-surface p-4 shadow-xs"
      aria-label="Budget"
      data-testid="cost-summary"
    >
      <div className="mb-4 flex items-center justify-between gap-2">
        <h2 className="text-sm font-semibold">Budget</h2>
        <StatusBadge status={overview.status} tone={STATUS_TONE[overview.status]}>
          {BUDGET_STATUS_LABEL[overview.status]}
        </StatusBadge>
      </div>
      <StatGrid>
        <Stat
          label={overview.inProgress ? 'Month to date' : 'Month total'}
          value={usd(overview.monthToDateUsd)}
          hint={overview.lastDay ? `through ${dayLabel(overview.lastDay)}` : 'nothing recorded yet'}
          testId="cost-month-to-date"
        />
        <Stat
          label="Budget"
          value={usd(overview.budgetUsd, { whole: true })}
          hint={`${percent(overview.budgetUsedRatio, 0)} used`}
        />
        <Stat
          label={overview.inProgress ? 'Forecast for the month' : 'Final'}
          value={usd(overview.forecastUsd)}
          tone={STAT_TONE[overview.status]}
          hint={overview.inProgress ? 'month to date + 7-day average × days left' : undefined}
          testId="cost-forecast"
        />
        <Stat
          label={overview.forecastUsd > overview.budgetUsd ? 'Over by' : 'Headroom'}
          value={usd(Math.abs(overview.budgetUsd - overview.forecastUsd))}
          tone={overview.forecastUsd > overview.budgetUsd ? 'bad' : 'default'}
          hint="against the forecast"
        />
      </StatGrid>
      <div className="relative mt-4 h-2 rounded-full bg-subtle" aria-hidden="true">
        <div
          className="absolute inset-y-0 left-0 rounded-full bg-zinc-300"
          style={{ width: `${forecast}%` }}
        />
        <div
          className={`absolute inset-y-0 left-0 rounded-full ${overview.status === 'over' ? 'bg-red-500' : 'bg-ink'}`}
          style={{ width: `${spent}%` }}
        />
      </div>
      <p className="mt-1 text-xs text-muted">
        Dark: spent so far. Light: forecast. Full width: the{' '}
        {usd(overview.budgetUsd, { whole: true })} budget.
      </p>
      <p className="mt-3 text-sm">
        {overview.status === 'under'
          ? 'If the forecast goes over the budget, follow the '
          : 'The forecast is over the budget: follow the '}
        <RunbookLink name="cost-overrun" />.
      </p>
    </section>
  );
}
