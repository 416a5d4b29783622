import { StatusBadge, type Tone } from '@/components/ui/status-badge';
import { DORA_BAND_LABELS, type DoraBand } from '@/lib/domain/dora';

const TONE: Record<DoraBand, Tone> = {
  elite: 'success',
  high: 'info',
  medium: 'warning',
  low: 'danger',
};

/** The band as a word and a colour; "No data" when nothing happened in the period. */
export function DoraBandBadge({ band }: { band: DoraBand | null }) {
  if (!band)
    return (
      <StatusBadge status="no-data" tone="neutral">
        No data
      </StatusBadge>
    );
  return (
    <StatusBadge status={band} tone={TONE[band]}>
      {DORA_BAND_LABELS[band]}
    </StatusBadge>
  );
}
