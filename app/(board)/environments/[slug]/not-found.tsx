import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';

export default function EnvironmentNotFound() {
  return (
    <>
      <PageHeader title="Environment not found" />
      <EmptyState
        title="There is no environment with that name"
        action={{ href: '/environments?deleted=1', label: 'Browse all environments' }}
      >
        It may have been renamed, or it was a preview that never existed in this project.
      </EmptyState>
    </>
  );
}
