import type { DeliveryStatus } from '@/lib/domain/admin';

/** Outcomes that went wrong; every other note is a reason given on purpose (ignored, stale). */
const FAILURES: ReadonlySet<DeliveryStatus> = new Set(['failed', 'malformed']);

export const isDeliveryFailure = (status: DeliveryStatus) => FAILURES.has(status);

/**
 * What the stored delivery's `error` text is to a reader: the error of a failure, in red, or
 * the reason a delivery was deliberately not applied, in a neutral colour.
 */
export function DeliveryNote({
  status,
  note,
  clamp = false,
}: {
  status: DeliveryStatus;
  note: string | null;
  clamp?: boolean;
}) {
  if (!note) return <span className="text-faint">—</span>;
  const failure = isDeliveryFailure(status);
  return (
    <span
      className={`text-xs break-words ${clamp ? 'line-clamp-2' : 'whitespace-pre-wrap'} ${failure ? 'text-red-700' : 'text-muted'}`}
      title={note}
      data-tone={failure ? 'danger' : 'neutral'}
    >
      {failure ? null : <span className="sr-only">Reason: </span>}
      {note}
    </span>
  );
}
