import type { Metadata } from 'next';
import { ApiTokensTable } from '@/components/admin/api-tokens-table';
import { CreateTokenForm } from '@/components/admin/create-token-form';
import { PageHeader } from '@/components/ui/page-header';
import { getDatabase } from '@/db/client';
import { listApiTokens } from '@/db/queries/api-tokens';
import { requireRole } from '@/lib/auth';
import { createApiTokenAction, revokeApiTokenAction } from './actions';

export const metadata: Metadata = { title: 'API tokens' };
export const dynamic = 'force-dynamic';

/** Admins create and revoke the project's API tokens, for CI jobs and scripts. */
export default async function ApiTokensPage() {
  const actor = await requireRole('admin');
  const tokens = await listApiTokens(getDatabase(), actor.projectId);
  return (
    <>
      <PageHeader
        title="API tokens"
        description={
          <>
            A CI job or a script calls /api/v1 with{' '}
            <code className="font-mono text-xs">Authorization: Bearer envb_api_…</code>, within the
            token&apos;s scopes. The audit log names a token&apos;s operations by its name; a
            promotion a token requests still waits for a release manager&apos;s approval.
          </>
        }
      />
      <div className="flex flex-col gap-6">
        <CreateTokenForm action={createApiTokenAction} />
        <ApiTokensTable tokens={tokens} now={new Date()} revoke={revokeApiTokenAction} />
      </div>
    </>
  );
}
