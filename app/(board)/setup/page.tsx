import type { Metadata } from 'next';
import { SetupChecks } from '@/components/admin/setup-checks';
import { PageHeader } from '@/components/ui/page-header';
import { getDatabaseHandle } from '@/db/client';
import { requireRole } from '@/lib/auth';
import { runDoctor } from '@/lib/doctor';
import { doctorContextFromEnv } from '@/lib/doctor/context';
import { currentEnv } from '@/lib/settings/env';

export const metadata: Metadata = { title: 'Setup' };
export const dynamic = 'force-dynamic';
// Long work (an operation's steps, a sync) runs until Vercel's limit: see lib/http/max-duration.ts.
export const maxDuration = 300;

/** `npm run doctor`'s checks, live, for admins: run on every load, so a reload runs them again. */
export default async function SetupPage() {
  await requireRole('admin');
  const results = await runDoctor(doctorContextFromEnv(currentEnv(), getDatabaseHandle));
  return (
    <>
      <PageHeader
        title="Setup"
        description="Whether this deployment is wired up: database, settings, provider tokens, webhooks, crons and syncs. The same checks as npm run doctor."
        actions={
          // A full load, so every check runs again against the providers.
          <a
            href="/setup"
            className="rounded-md border border-border-strong bg-surface px-3 py-1.5 text-sm font-medium text-ink hover:bg-subtle"
          >
            Run again
          </a>
        }
      />
      <SetupChecks results={results} />
    </>
  );
}
