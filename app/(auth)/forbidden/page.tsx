import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { RoleBadge } from '@/components/auth/role-badge';
import { SignInFrame } from '@/components/auth/sign-in-frame';
import { getCaller } from '@/lib/auth';
import { SIGN_IN_PATH } from '@/lib/domain/auth-paths';
import { isRole, ROLE_LABELS } from '@/lib/domain/roles';

export const metadata: Metadata = { title: 'Not allowed' };
export const dynamic = 'force-dynamic';

/**
 * Where requireRole sends a signed-in person whose role is too weak for the page, or who holds
 * no role any more (it was taken back since they signed in).
 */
export default async function ForbiddenPage({
  searchParams,
}: {
  searchParams: Promise<{ role?: string }>;
}) {
  const caller = await getCaller();
  if (!caller) redirect(SIGN_IN_PATH);
  const { role } = await searchParams;
  if (caller.role === null) {
    return (
      <SignInFrame title="You have no role on this board">
        <p className="text-sm text-muted">
          You are signed in as {caller.name}, but hold no role on this board any more. Ask an admin
          for one, or to map your GitHub team to a role.
        </p>
      </SignInFrame>
    );
  }
  return (
    <SignInFrame title="Your role does not allow this">
      <p className="text-sm text-muted">
        {isRole(role) ? `That page needs the ${ROLE_LABELS[role]} role or above. ` : ''}
        You are signed in as {caller.name}, <RoleBadge role={caller.role} />
      </p>
      <Link href="/" className="text-sm font-medium text-accent hover:underline">
        Go to the overview →
      </Link>
    </SignInFrame>
  );
}
