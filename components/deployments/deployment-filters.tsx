import { FilterBar } from '@/components/ui/filter-bar';
import {
  DEPLOYMENT_STATES,
  DEPLOYMENT_TARGETS,
  type DeploymentSort,
  type DeploymentState,
  type DeploymentTarget,
} from '@/lib/domain/deployments';

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

export function DeploymentFilters({
  values,
  environments,
  authors,
}: {
  values: {
    environment?: string;
    target?: DeploymentTarget;
    state?: DeploymentState;
    branch?: string;
    author?: string;
    sort?: DeploymentSort;
  };
  environments: readonly { slug: string; name: string; active: boolean }[];
  authors: readonly string[];
}) {
  return (
    <FilterBar
      action="/deployments"
      label="Filter deployments"
      fields={[
        {
          type: 'select',
          name: 'environment',
          label: 'Environment',
          value: values.environment,
          options: environments.map((env) => ({
            value: env.slug,
            label: env.active ? env.name : `${env.name} (deleted)`,
          })),
        },
        {
          type: 'select',
          name: 'target',
          label: 'Target',
          value: values.target,
          options: DEPLOYMENT_TARGETS.map((value) => ({ value, label: capitalize(value) })),
        },
        {
          type: 'select',
          name: 'state',
          label: 'State',
          value: values.state,
          options: DEPLOYMENT_STATES.map((value) => ({ value, label: capitalize(value) })),
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
