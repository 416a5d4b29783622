import { FilterBar } from '@/components/ui/filter-bar';
import { ENVIRONMENT_KIND_LABEL, ENVIRONMENT_KINDS } from '@/lib/domain/environments';
import type { EnvironmentFilters as Filters } from '@/lib/filters/environments';
import type { IgnoredParam } from '@/lib/domain/search-params';

export function EnvironmentFilters({
  values,
  ignored,
}: {
  values: Filters;
  ignored: readonly IgnoredParam[];
}) {
  return (
    <FilterBar
      action="/environments"
      label="Filter environments"
      ignored={ignored}
      meanings={{
        deleted: { label: '"Include deleted" value', instead: 'active environments only' },
      }}
      fields={[
        {
          type: 'select',
          name: 'kind',
          label: 'Kind',
          value: values.kind,
          allLabel: 'All kinds',
          options: ENVIRONMENT_KINDS.map((kind) => ({
            value: kind,
            label: ENVIRONMENT_KIND_LABEL[kind],
          })),
        },
        { type: 'checkbox', name: 'deleted', label: 'Include deleted', checked: values.deleted },
      ]}
    />
  );
}
