import { FilterBar } from '@/components/ui/filter-bar';
import { enumOptions } from '@/components/ui/filter-fields';
import {
  ALERT_EVENTS,
  ALERT_MESSAGE_STATUSES,
  ALERT_RULE_KEYS,
  CHANNEL_TEST_RULE,
} from '@/lib/domain/alerts';
import type { IgnoredParam } from '@/lib/domain/search-params';
import type { AlertHistoryFilters as Filters } from '@/lib/filters/alerts';
import { ruleLabel } from './labels';

export function AlertHistoryFilters({
  values,
  channels,
  ignored,
}: {
  values: Filters;
  channels: readonly { id: number; name: string }[];
  ignored: readonly IgnoredParam[];
}) {
  return (
    <FilterBar
      action="/alerts/history"
      label="Filter alert history"
      ignored={ignored}
      fields={[
        {
          type: 'select',
          name: 'channel',
          label: 'Channel',
          value: values.channel === undefined ? undefined : String(values.channel),
          options: channels.map((channel) => ({ value: String(channel.id), label: channel.name })),
        },
        {
          type: 'select',
          name: 'rule',
          label: 'Rule',
          value: values.rule,
          options: [...ALERT_RULE_KEYS, CHANNEL_TEST_RULE].map((rule) => ({
            value: rule,
            label: ruleLabel(rule),
          })),
        },
        {
          type: 'select',
          name: 'event',
          label: 'Event',
          value: values.event,
          options: enumOptions(ALERT_EVENTS),
        },
        {
          type: 'select',
          name: 'status',
          label: 'Delivery',
          value: values.status,
          options: enumOptions(ALERT_MESSAGE_STATUSES),
        },
      ]}
    />
  );
}
