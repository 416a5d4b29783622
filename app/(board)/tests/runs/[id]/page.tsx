import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { TestCaseList } from '@/components/test-results/test-case-list';
import { TestRunSummary } from '@/components/test-results/test-run-summary';
import { SUITE_LABEL } from '@/components/test-results/suite-label';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { StatusBadge } from '@/components/ui/status-badge';
import { getDatabase } from '@/db/client';
import { getCurrentProject } from '@/db/queries/project';
import { getTestRun } from '@/db/queries/tests';
import { requireRole } from '@/lib/auth';
import { parseRowId } from '@/lib/domain/row-id';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(props: Props): Promise<Metadata> {
  return { title: `Test run #${(await props.params).id}` };
}

export default async function TestRunPage(props: Props) {
  await requireRole('viewer');
  const id = parseRowId((await props.params).id);
  if (id === undefined) notFound();
  const db = getDatabase();
  const [project, run] = await Promise.all([getCurrentProject(db), getTestRun(db, id)]);
  if (!run || run.projectId !== project?.id) notFound();
  const failed = run.cases.filter((testCase) => testCase.status === 'failed');
  const flaky = run.cases.filter((testCase) => testCase.status === 'flaky');
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`/tests?suite=${run.suite}`} className="hover:underline">
            ← {SUITE_LABEL[run.suite]} runs
          </Link>
        }
        title={
          <span className="flex items-center gap-3">
            {SUITE_LABEL[run.suite]} run #{run.id} <StatusBadge status={run.status} />
          </span>
        }
      />
      <TestRunSummary run={run} now={new Date()} />
      <TestCaseList title="Failed" cases={failed} testId="failed-cases" />
      <TestCaseList title="Flaky (passed on retry)" cases={flaky} testId="flaky-cases" />
      {run.cases.length === 0 ? (
        <EmptyState title="Nothing failed in this run">
          All {run.total - run.skipped} executed tests passed on the first attempt.
        </EmptyState>
      ) : null}
    </>
  );
}
