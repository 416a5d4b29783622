import type { Metadata } from 'next';
import { NoProject } from '@/components/board/no-project';
import { FollowOperations } from '@/components/operations/follow-operations';
import { PreviewFilters, PreviewTabs } from '@/components/previews/preview-filters';
import { PreviewsTable } from '@/components/previews/previews-table';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Pager } from '@/components/ui/pager';
import { getDatabase } from '@/db/client';
import { countPreviewTabs, listPreviewAuthors, listPreviews } from '@/db/queries/previews';
import { getCurrentProject } from '@/db/queries/project';
import { requireRole } from '@/lib/auth';
import { hasRole } from '@/lib/domain/roles';
import { previewsQuerySchema } from '@/lib/filters/previews';
import type { SearchParams } from '@/lib/domain/search-params';
import { keepOffered, readSearchParams } from '@/lib/http/query-params';
import { operationsHolding, previewOffers } from '@/lib/operations/board';
import { OperationBanner } from '@/components/operations/operation-banner';
import {
  deletePreviewAction,
  provisionAgainAction,
  reseedPreviewAction,
} from '@/app/(board)/actions/preview';
import { pinningActions } from '@/app/(board)/actions/pinning';

export const metadata: Metadata = { title: 'Previews' };
export const dynamic = 'force-dynamic';
// Long work (an operation's steps, a sync) runs until Vercel's limit: see lib/http/max-duration.ts.
export const maxDuration = 300;

export default async function PreviewsPage(props: { searchParams: Promise<SearchParams> }) {
  const actor = await requireRole('viewer');
  const searchParams = await props.searchParams;
  const db = getDatabase();
  const project = await getCurrentProject(db);
  if (!project) return <NoProject title="Previews" />;
  const read = readSearchParams(previewsQuerySchema, searchParams);
  // The author select's options first: an author it does not offer is named, not applied.
  const [counts, authors] = await Promise.all([
    countPreviewTabs(db, project.id),
    listPreviewAuthors(db, project.id, read.values.tab),
  ]);
  const { values, ignored } = keepOffered(read, { author: authors });
  const { cursor, limit, ...filters } = values;
  const now = new Date();
  const page = await listPreviews(
    db,
    project.id,
    filters,
    { cursor, limit },
    { now, thresholdUsd: project.previewCostWarningUsd },
  );
  // Only members who may reseed and delete get the buttons (the actions check again).
  const live = page.rows.flatMap(({ environment }) =>
    environment?.status === 'active' ? [environment.id] : [],
  );
  // An open pull request's deleted preview may be provisioned again.
  const deleted = page.rows.flatMap(({ environment, pullRequest }) =>
    environment?.status === 'deleted' && pullRequest.state === 'open' ? [environment.id] : [],
  );
  const operations = hasRole(actor.role, 'developer')
    ? {
        offers: await previewOffers(db, [...live, ...deleted], actor),
        reseed: reseedPreviewAction,
        delete: deletePreviewAction,
        provisionAgain: provisionAgainAction,
        pinning: pinningActions(now),
      }
    : undefined;
  const held = await operationsHolding(db, [...live, ...deleted]);
  const filtered = Boolean(filters.author || filters.state);
  const clearHref = filters.tab === 'open' ? '/previews' : `/previews?tab=${filters.tab}`;
  return (
    <>
      <PageHeader
        title="Previews"
        description="One row per pull request: its preview deployment, database branch, tests and cost."
      />
      <FollowOperations environmentIds={[...live, ...deleted]} since={now.toISOString()} />
      <OperationBanner held={held} now={now} />
      <PreviewTabs tab={filters.tab} counts={counts} />
      <PreviewFilters values={filters} authors={authors} ignored={ignored} />
      {page.rows.length > 0 ? (
        <PreviewsTable rows={page.rows} tab={filters.tab} now={now} operations={operations} />
      ) : (
        <EmptyState
          title={filtered ? 'No previews match these filters' : `No ${filters.tab} pull requests`}
          action={filtered ? { href: clearHref, label: 'Clear filters' } : undefined}
        >
          {filtered
            ? 'Try another author or deploy state.'
            : 'Open a pull request: Vercel builds a preview, Neon branches the database, and it shows up here.'}
        </EmptyState>
      )}
      <Pager path="/previews" searchParams={searchParams} nextCursor={page.nextCursor} />
    </>
  );
}
