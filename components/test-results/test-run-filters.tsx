import { FilterBar } from '@/components/ui/filter-bar';
import { hrefWith } from '@/components/ui/href';
import type { SearchParams } from '@/lib/domain/search-params';
import { Tabs } from '@/components/ui/tabs';
import { TEST_SUITES, type TestSuite } from '@/lib/domain/test-runs';
import type { TestRunFilters as Filters } from '@/lib/filters/test-runs';
import type { IgnoredParam } from '@/lib/domain/search-params';
import { SUITE_LABEL } from './suite-label';

/** Suite tabs over a status / branch filter; both live in the URL and drop the page cursor. */
export function TestRunFilters({
  searchParams,
  values,
  ignored,
}: {
  searchParams: SearchParams;
  values: Filters;
  ignored: readonly IgnoredParam[];
}) {
  const tab = (suite: TestSuite | undefined) => ({
    href: hrefWith('/tests', searchParams, { suite, cursor: undefined }),
    label: suite ? SUITE_LABEL[suite] : 'All suites',
    current: values.suite === suite,
  });
  return (
    <>
      <Tabs label="Suites" tabs={[tab(undefined), ...TEST_SUITES.map(tab)]} />
      <FilterBar
        action="/tests"
        label="Filter test runs"
        ignored={ignored}
        meanings={{ suite: { label: 'suite', instead: 'all suites' } }}
        keep={{ suite: values.suite }}
        fields={[
          {
            type: 'select',
            name: 'status',
            label: 'Status',
            value: values.status,
            options: [
              { value: 'passed', label: 'Passed' },
              { value: 'failed', label: 'Failed' },
            ],
          },
          {
            type: 'text',
            name: 'branch',
            label: 'Branch',
            value: values.branch,
            placeholder: 'main',
          },
        ]}
      />
    </>
  );
}
