import { FilterBar } from '@/components/ui/filter-bar';
import { enumOptions } from '@/components/ui/filter-fields';
import { Tabs } from '@/components/ui/tabs';
import { DEPLOYMENT_STATES } from '@/lib/domain/deployments';
import type { PreviewFilters as Filters } from '@/lib/filters/previews';
import type { IgnoredParam } from '@/lib/domain/search-params';

export function PreviewTabs({
  tab,
  counts,
}: {
  tab: Filters['tab'];
  counts: { open: number; closed: number };
}) {
  return (
    <Tabs
      label="Pull request state"
      tabs={[
        { href: '/previews', label: 'Open', current: tab === 'open', count: counts.open },
        {
          href: '/previews?tab=closed',
          label: 'Closed',
          current: tab === 'closed',
          count: counts.closed,
        },
      ]}
    />
  );
}

export function PreviewFilters({
  values,
  authors,
  ignored,
}: {
  values: Filters;
  authors: string[];
  ignored: readonly IgnoredParam[];
}) {
  return (
    <FilterBar
      action="/previews"
      label="Filter previews"
      ignored={ignored}
      meanings={{ tab: { label: 'tab', instead: 'open pull requests' } }}
      keep={{ tab: values.tab === 'open' ? undefined : values.tab }}
      fields={[
        {
          type: 'select',
          name: 'author',
          label: 'Author',
          value: values.author,
          allLabel: 'Everyone',
          options: authors.map((author) => ({ value: author, label: author })),
        },
        {
          type: 'select',
          name: 'state',
          label: 'Deploy state',
          value: values.state,
          allLabel: 'Any state',
          options: enumOptions(DEPLOYMENT_STATES),
        },
      ]}
    />
  );
}
