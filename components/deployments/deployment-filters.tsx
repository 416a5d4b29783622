import { FilterBar } from '@/components/ui/filter-bar';
import { enumOptions, environmentField } from '@/components/ui/filter-fields';
import { DEPLOYMENT_STATES, DEPLOYMENT_TARGETS } from '@/lib/domain/deployments';
import type { DeploymentFilters as Filters } from '@/lib/filters/deployments';
import type { IgnoredParam } from '@/lib/domain/search-params';

export function DeploymentFilters({
  values,
  environments,
  authors,
  ignored,
}: {
  values: Filters;
  environments: readonly { slug: string; name: string; active: boolean }[];
  authors: readonly string[];
  ignored: readonly IgnoredParam[];
}) {
  return (
    <FilterBar
      action="/deployments"
      label="Filter deployments"
      ignored={ignored}
      fields={[
        environmentField(values.environment, environments),
        {
          type: 'select',
          name: 'target',
          label: 'Target',
          value: values.target,
          options: enumOptions(DEPLOYMENT_TARGETS),
        },
        {
          type: 'select',
          name: 'state',
          label: 'State',
          value: values.state,
          options: enumOptions(DEPLOYMENT_STATES),
        },
        {
          type: 'text',
          name: 'branch',
          label: 'Branch',
          value: values.branch,
          placeholder: 'main',
        },
        {
          type: 'select',
          name: 'author',
          label: 'Author',
          value: values.author,
          options: authors.map((author) => ({ value: author, label: author })),
        },
        {
          type: 'select',
          name: 'sort',
          label: 'Sort',
          value: values.sort,
          allLabel: 'Newest first',
          options: [{ value: 'slowest', label: 'Slowest builds first' }],
        },
      ]}
    />
  );
}
