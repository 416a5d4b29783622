import { FilterBar } from '@/components/ui/filter-bar';
import { ENVIRONMENT_KIND_LABEL, ENVIRONMENT_KINDS } from '@/lib/domain/environments';
import type { EnvironmentFilters as Filters } from '@/lib/filters/environments';

export function EnvironmentFilters({ values }: { values: Filters }) {
  return (
    <FilterBar
      action="/environments"
      label="Filter environments"
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
