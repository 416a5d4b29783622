import { StatusBadge } from '@/components/ui/status-badge';
import type { PreviewCostView } from '@/lib/domain/preview-cost';
import { usd } from '@/lib/format';

/** Cost so far, projected to expiry, and a warning when the projection passes the threshold. */
export function PreviewCost({ cost, live }: { cost: PreviewCostView; live: boolean }) {
  return (
    <div className="flex flex-col items-end gap-1 text-xs" data-testid="preview-cost">
      <span className="tabular text-sm text-ink">{usd(cost.costSoFarUsd)}</span>
      {live ? (
        <span
          className="tabular text-muted"
          title={`${usd(cost.dailyRateUsd)} a day recently; projected to its expiry`}
        >
          {cost.daysLeft === null ? 'no expiry' : `${usd(cost.projectedUsd)} by expiry`}
        </span>
      ) : null}
      {live && cost.overThreshold ? (
        <StatusBadge status="over_threshold" tone="warning">
          Over {usd(cost.thresholdUsd)}
        </StatusBadge>
      ) : null}
    </div>
  );
}
