import { EmptyState } from '@/components/ui/empty-state';
import { RelativeTime } from '@/components/ui/relative-time';
import { StatusBadge } from '@/components/ui/status-badge';

export interface FiringAlertRow {
  id: number;
  ruleTitle: string;
  title: string;
  severity: string;
  firedAt: Date;
}

/** The alerts firing now: what, how loud, and since when. */
export function FiringAlerts({ rows, now }: { rows: readonly FiringAlertRow[]; now: Date }) {
  if (rows.length === 0) {
    return (
      <EmptyState title="Nothing is firing">
        The rules are evaluated every 5 minutes and after each write that changes what they watch.
      </EmptyState>
    );
  }
  return (
    <ul className="divide-y divide-border" data-testid="firing-alerts">
      {rows.map((row) => (
        <li key={row.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2 text-sm">
          <StatusBadge
            status={row.severity}
            tone={
              row.severity === 'page' ? 'danger' : row.severity === 'ticket' ? 'warning' : 'info'
            }
          >
            {row.severity}
          </StatusBadge>
          <span className="min-w-0 flex-1 text-ink">{row.title}</span>
          <span className="text-xs text-muted">{row.ruleTitle}</span>
          <RelativeTime date={row.firedAt} now={now} className="text-xs text-muted" />
        </li>
      ))}
    </ul>
  );
}
