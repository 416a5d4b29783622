import { FilterBar } from '@/components/ui/filter-bar';
import { enumOptions } from '@/components/ui/filter-fields';
import { DELIVERY_STATUSES, WEBHOOK_PROVIDERS, type WebhookProvider } from '@/lib/domain/admin';
import type { DeliveryFilters as Filters } from '@/lib/filters/webhook-deliveries';
import type { IgnoredParam } from '@/lib/domain/search-params';

const PROVIDER_LABELS: Record<WebhookProvider, string> = { github: 'GitHub', vercel: 'Vercel' };

export function DeliveryFilters({
  values,
  events,
  ignored,
}: {
  values: Filters;
  events: readonly string[];
  ignored: readonly IgnoredParam[];
}) {
  return (
    <FilterBar
      action="/deliveries"
      label="Filter webhook deliveries"
      ignored={ignored}
      fields={[
        {
          type: 'select',
          name: 'provider',
          label: 'Provider',
          value: values.provider,
          options: WEBHOOK_PROVIDERS.map((provider) => ({
            value: provider,
            label: PROVIDER_LABELS[provider],
          })),
        },
        {
          type: 'select',
          name: 'event',
          label: 'Event',
          value: values.event,
          options: events.map((event) => ({ value: event, label: event })),
        },
        {
          type: 'select',
          name: 'status',
          label: 'Outcome',
          value: values.status,
          options: enumOptions(DELIVERY_STATUSES),
        },
      ]}
    />
  );
}
