'use client';

// A table's client boundary: its rows reach the browser as data (see DataTable).
import { type Column, DataTable } from '@/components/ui/data-table';
import { RelativeTime } from '@/components/ui/relative-time';
import { StatusBadge } from '@/components/ui/status-badge';
import {
  type EnvironmentUptime,
  environmentSloVerdict,
  UPTIME_WINDOWS,
  type UptimeWindow,
  type WindowUptime,
} from '@/lib/domain/uptime';
import { count, latency, pct, percent } from '@/lib/format';
import { SloVerdictBadge } from './slo-verdict';

/** A window's figure only: the verdict is the SLO column's, over the SLO window alone. */
function WindowCell({ window }: { window: WindowUptime }) {
  if (window.pct === null) return <span className="text-faint">No checks</span>;
  return (
    <span
      className="font-semibold text-ink tabular"
      title={`${count(window.okChecks)} of ${count(window.totalChecks)} checks succeeded`}
    >
      {pct(window.pct, 2)}
    </span>
  );
}

/** How much of the 30-day failure allowance is left, as a word and a figure. */
function ErrorBudget({ remaining }: { remaining: number | null }) {
  if (remaining === null) return <span className="text-faint">—</span>;
  if (remaining < 0) return <span className="font-medium text-red-700">Exhausted</span>;
  return (
    <span className={`tabular ${remaining < 0.25 ? 'text-amber-700' : 'text-ink'}`}>
      {percent(remaining, 0)} left
    </span>
  );
}

const ms = (value: number | null) =>
  value === null ? (
    <span className="text-faint">—</span>
  ) : (
    <span className="tabular">{latency(value)}</span>
  );

function columns(now: Date): Column<EnvironmentUptime>[] {
  return [
    {
      key: 'environment',
      header: 'Environment',
      cell: (row) => (
        <span className="flex flex-col">
          <span className="font-medium text-ink">{row.name}</span>
          <span className="text-xs text-muted">{row.kind}</span>
        </span>
      ),
    },
    {
      key: 'slo',
      header: 'SLO',
      cell: (row) => <SloVerdictBadge verdict={environmentSloVerdict(row)} sloPct={row.sloPct} />,
    },
    ...UPTIME_WINDOWS.map((window: UptimeWindow): Column<EnvironmentUptime> => ({
      key: `uptime-${window}`,
      header: `Uptime ${window}`,
      align: 'right',
      cell: (row) => <WindowCell window={row.windows[window]} />,
    })),
    {
      key: 'budget',
      header: 'Error budget 30d',
      align: 'right',
      cell: (row) => <ErrorBudget remaining={row.errorBudgetRemaining30d} />,
    },
    { key: 'p50', header: 'p50', align: 'right', cell: (row) => ms(row.latencyP50Ms) },
    { key: 'p95', header: 'p95', align: 'right', cell: (row) => ms(row.latencyP95Ms) },
    {
      key: 'last',
      header: 'Last check',
      align: 'right',
      cell: (row) =>
        row.lastCheck ? (
          <span className="flex flex-col items-end gap-0.5">
            <StatusBadge status={row.lastCheck.ok ? 'up' : 'down'} />
            <RelativeTime date={row.lastCheck.checkedAt} now={now} className="text-xs text-muted" />
          </span>
        ) : (
          <span className="text-faint">Never checked</span>
        ),
    },
  ];
}

export function UptimeTable({ rows, now }: { rows: readonly EnvironmentUptime[]; now: Date }) {
  return (
    <DataTable
      caption="Uptime per environment"
      testId="uptime-table"
      columns={columns(now)}
      rows={rows}
      rowKey={(row) => row.environmentId}
    />
  );
}
