import { Card } from '@/components/ui/card';
import { DetailList } from '@/components/ui/detail-list';
import { RelativeTime } from '@/components/ui/relative-time';
import { StatusBadge } from '@/components/ui/status-badge';
import type { DeliveryRecord } from '@/lib/domain/admin';
import { DeliveryNote, isDeliveryFailure } from './delivery-note';
import { eventLabel } from './event-label';
import { ADMIN_TONES } from './tones';

/** The body as stored: the parsed payload indented, or the raw text of one that never parsed. */
export function deliveryBody(delivery: Pick<DeliveryRecord, 'payload' | 'rawBody'>): {
  label: string;
  text: string;
} {
  if (delivery.payload !== null && delivery.payload !== undefined) {
    return { label: 'Payload', text: JSON.stringify(delivery.payload, null, 2) };
  }
  return { label: 'Raw body (not parsed)', text: delivery.rawBody ?? '' };
}

export function DeliveryDetail({ delivery, now }: { delivery: DeliveryRecord; now: Date }) {
  const body = deliveryBody(delivery);
  return (
    <div className="flex flex-col gap-4">
      <Card title="Delivery">
        <DetailList
          items={[
            { label: 'Provider', value: delivery.provider },
            {
              label: 'Delivery id',
              value: <code className="font-mono">{delivery.deliveryId}</code>,
            },
            { label: 'Event', value: <code className="font-mono">{eventLabel(delivery)}</code> },
            {
              label: 'Outcome',
              value: <StatusBadge status={delivery.status} tone={ADMIN_TONES[delivery.status]} />,
              testId: 'delivery-outcome',
            },
            { label: 'Attempts', value: delivery.attempts, testId: 'delivery-attempts' },
            { label: 'Received', value: <RelativeTime date={delivery.receivedAt} now={now} /> },
            { label: 'Processed', value: <RelativeTime date={delivery.processedAt} now={now} /> },
            {
              label: 'Next attempt',
              value: <RelativeTime date={delivery.nextAttemptAt} now={now} />,
            },
            {
              label: isDeliveryFailure(delivery.status) ? 'Error' : 'Reason',
              value: <DeliveryNote status={delivery.status} note={delivery.error} />,
              testId: 'delivery-error',
            },
          ]}
        />
      </Card>
      <Card title={body.label} bodyClassName="p-0">
        <pre
          className="max-h-[36rem] overflow-auto p-4 font-mono text-xs leading-relaxed text-ink"
          data-testid="delivery-body"
        >
          {body.text || '(empty)'}
        </pre>
      </Card>
    </div>
  );
}
