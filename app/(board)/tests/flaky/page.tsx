import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { NoProject } from '@/components/board/no-project';
import { FlakyTestsTable } from '@/components/test-results/flaky-tests-table';
import { EmptyState } from '@/components/ui/empty-state';
import { FilterBar } from '@/components/ui/filter-bar';
import { PageHeader } from '@/components/ui/page-header';
import { getDatabase } from '@/db/client';
import { getCurrentProject } from '@/db/queries/project';
import { listFlakyTests } from '@/db/queries/tests';
import { requireRole } from '@/lib/auth';
import type { SearchParams } from '@/lib/domain/search-params';
import { readSearchParams } from '@/lib/http/query-params';

export const metadata: Metadata = { title: 'Flaky tests' };
export const dynamic = 'force-dynamic';

const WINDOWS = ['7', '14', '30', '90'] as const;
const schema = z.object({ days: z.enum(WINDOWS).default('30') });

export default async function FlakyTestsPage(props: { searchParams: Promise<SearchParams> }) {
  await requireRole('viewer');
  const {
    values: { days },
    ignored,
  } = readSearchParams(schema, await props.searchParams);
  const db = getDatabase();
  const project = await getCurrentProject(db);
  if (!project) return <NoProject title="Flaky tests" />;
  const now = new Date();
  const tests = await listFlakyTests(db, project.id, { now, days: Number(days), limit: 50 });
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/tests" className="hover:underline">
            ← Tests
          </Link>
        }
        title="Flaky tests"
        description={`Tests that failed and then passed on retry, ranked by how often they flaked in the last ${days} days.`}
      />
      <FilterBar
        action="/tests/flaky"
        label="Choose the window"
        ignored={ignored}
        fields={[
          {
            type: 'select',
            name: 'days',
            label: 'Window',
            value: days,
            required: true,
            options: WINDOWS.map((value) => ({ value, label: `Last ${value} days` })),
          },
        ]}
      />
      {tests.length > 0 ? (
        <FlakyTestsTable tests={tests} now={now} />
      ) : (
        <EmptyState title={`No flaky tests in the last ${days} days`}>
          A test shows up here when it fails and then passes on retry in CI. Nothing has, so there
          is nothing to quarantine.
        </EmptyState>
      )}
    </>
  );
}
