import { FilterBar } from '@/components/ui/filter-bar';
import { enumOptions } from '@/components/ui/filter-fields';
import {
  DELIVERY_STATUSES,
  type DeliveryFilters as Filters,
  WEBHOOK_PROVIDERS,
} from '@/lib/filters/webhook-deliveries';

export function DeliveryFilters({
  values,
  events,
}: {
  values: Filters;
  events: readonly string[];
}) {
  return (
    <FilterBar
      action="/deliveries"
      label="Filter webhook deliveries"
      fields={[
        {
          type: 'select',
          name: 'provider',
          label: 'Provider',
          value: values.provider,
          options: [
            { value: 'github', label: 'GitHub' },
            { value: 'vercel', label: 'Vercel' },
          ].filter((option) => (WEBHOOK_PROVIDERS as readonly string[]).includes(option.value)),
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
