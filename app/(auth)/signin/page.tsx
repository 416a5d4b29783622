import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { DemoSignIn } from '@/components/auth/demo-sign-in';
import { GitHubSignIn } from '@/components/auth/github-sign-in';
import { SignInFrame } from '@/components/auth/sign-in-frame';
import { getDatabase } from '@/db/client';
import { getActor } from '@/lib/auth';
import { safeCallbackPath } from '@/lib/domain/auth-paths';
import { requestOrigin } from '@/lib/auth/request-origin';
import { signInChoices, signInErrorMessage } from '@/lib/auth/sign-in-choices';

export const metadata: Metadata = { title: 'Sign in' };
export const dynamic = 'force-dynamic';

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackPath = safeCallbackPath(params.callbackUrl, await requestOrigin());
  if (await getActor()) redirect(callbackPath);
  const choices = await signInChoices(getDatabase());
  const error = signInErrorMessage(typeof params.error === 'string' ? params.error : undefined);

  return (
    <SignInFrame title="Sign in to envboard" error={error}>
      {choices.github ? <GitHubSignIn callbackPath={callbackPath} /> : null}
      {choices.demoMembers ? (
        <section aria-labelledby="demo-team" className="flex flex-col gap-2">
          <h2 id="demo-team" className="text-sm font-medium text-ink">
            Demo team
          </h2>
          <p className="text-xs text-muted">
            No password: pick a person to see the board with their role.
          </p>
          <DemoSignIn people={choices.demoMembers} callbackPath={callbackPath} />
        </section>
      ) : null}
      {!choices.hasProject ? (
        <p className="text-sm text-muted">
          The database has no project yet, so nobody has a role. Run{' '}
          <code className="font-mono">npm run db:seed</code> for the demo team.
        </p>
      ) : !choices.github && !choices.demoMembers ? (
        <p className="text-sm text-muted">
          No way to sign in is configured: set <code className="font-mono">GITHUB_ID</code> and{' '}
          <code className="font-mono">GITHUB_SECRET</code>.
        </p>
      ) : null}
    </SignInFrame>
  );
}
