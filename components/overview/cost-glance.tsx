import { PROVIDER_LABEL } from '@/components/costs/labels';
import { Card } from '@/components/ui/card';
import { StatusBadge, type Tone } from '@/components/ui/status-badge';
import { BUDGET_STATUS_LABEL, type BudgetStatus, type CostOverview } from '@/lib/domain/costs';
import { percent, usd } from '@/lib/format';
import { RunbookLink } from '@/components/runbooks/runbook-link';

const TONE: Record<BudgetStatus, Tone> = {
  over: 'danger',
  'forecast-over': 'warning',
  under: 'success',
};

/** Month to date against the budget, the forecast, and a bar that shows both. */
export function CostGlance({ overview }: { overview: CostOverview }) {
  const scale = Math.max(overview.budgetUsd, overview.forecastUsd, overview.monthToDateUsd, 1);
  const width = (value: number) => `${Math.min(100, (value / scale) * 100)}%`;
  return (
    <Card
      title="Cost this month"
      href="/costs"
      testId="cost-glance"
      actions={
        <StatusBadge status={overview.status} tone={TONE[overview.status]}>
          {BUDGET_STATUS_LABEL[overview.status]}
        </StatusBadge>
      }
    >
      <dl className="grid grid-cols-3 gap-3">
        <div>
          <dt className="text-xs text-muted">Month to date</dt>
          <dd className="text-2xl font-semibold tabular" data-testid="cost-mtd">
            {usd(overview.monthToDateUsd)}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-muted">Forecast</dt>
          <dd
            className={`text-2xl font-semibold tabular ${overview.status === 'under' ? 'text-ink' : 'text-amber-700'}`}
          >
            {usd(overview.forecastUsd)}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-muted">Budget</dt>
          <dd className="text-2xl font-semibold tabular">
            {usd(overview.budgetUsd, { whole: true })}
          </dd>
        </div>
      </dl>
      <div
        className="relative mt-4 h-2 rounded-full bg-subtle"
        role="img"
        aria-label={`${percent(overview.budgetUsedRatio, 0)} of the budget spent; forecast ${usd(overview.forecastUsd)}`}
      >
        <div
          className="absolute inset-y-0 left-0 rounded-full bg-zinc-300"
          style={{ width: width(overview.forecastUsd) }}
        />
        <div
          className={`absolute inset-y-0 left-0 rounded-full ${overview.status === 'over' ? 'bg-red-500' : 'bg-ink'}`}
          style={{ width: width(overview.monthToDateUsd) }}
        />
        <div
          className="absolute -inset-y-1 w-0.5 bg-red-400"
          style={{ left: width(overview.budgetUsd) }}
          aria-hidden="true"
        />
      </div>
      <p className="mt-2 text-xs text-muted">
        {percent(overview.budgetUsedRatio, 0)} of the budget spent; the forecast adds the 7-day
        average for each day left.
      </p>
      {overview.status === 'under' ? null : (
        <p className="mt-2 text-sm">
          <RunbookLink name="cost-overrun" />
        </p>
      )}
      {overview.byProvider.length > 0 ? (
        <ul className="mt-4 flex flex-col gap-1.5 border-t border-border pt-3 text-sm">
          {overview.byProvider.map((row) => (
            <li key={row.provider} className="flex justify-between gap-2">
              <span>{PROVIDER_LABEL[row.provider]}</span>
              <span className="tabular">{usd(row.amountUsd)}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
