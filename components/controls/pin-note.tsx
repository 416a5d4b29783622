import { RelativeTime } from '@/components/ui/relative-time';
import type { PinView } from '@/lib/domain/pins';

/** "Pinned by @alice until in 5 days: demo for the client" — who, why and until when. */
export function PinNote({ pin, now }: { pin: PinView; now: Date }) {
  return (
    <span className="text-xs text-muted" data-testid="pin-note">
      <span className="font-medium text-ink">Pinned</span>
      {pin.by ? <> by @{pin.by}</> : null}
      {pin.until ? (
        <>
          {' '}
          until <RelativeTime date={pin.until} now={now} className="text-ink" />
        </>
      ) : null}
      {pin.reason ? <>: {pin.reason}</> : null}
    </span>
  );
}
