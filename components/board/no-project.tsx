import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';

/** What a board page shows on a database with no project in it yet. */
export function NoProject({ title }: { title: string }) {
  return (
    <>
      <PageHeader title={title} />
      <EmptyState title="No project yet">
        Run <code className="font-mono">npm run db:seed</code> for the demo history, or connect your
        GitHub, Vercel and Neon project; this page fills in as soon as there is one.
      </EmptyState>
    </>
  );
}
