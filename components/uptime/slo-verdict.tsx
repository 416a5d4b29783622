import { StatusBadge, type Tone } from '@/components/ui/status-badge';
import type { SloStatus, SloVerdict } from '@/lib/domain/uptime';
import { pct } from '@/lib/format';

export const SLO_TONE: Record<SloStatus, Tone> = {
  meeting: 'success',
  breaching: 'danger',
  'no-data': 'neutral',
};

/** "Meeting SLO, 30 days" as a badge, the window's figure on hover. */
export function SloVerdictBadge({ verdict, sloPct }: { verdict: SloVerdict; sloPct: number }) {
  return (
    <span title={`${pct(verdict.pct, 2)} against the ${sloPct} % SLO`} data-testid="slo-verdict">
      <StatusBadge status={verdict.status} tone={SLO_TONE[verdict.status]}>
        {verdict.label}
      </StatusBadge>
    </span>
  );
}
