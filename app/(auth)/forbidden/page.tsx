import type { Metadata } from 'next';
import Link from 'next/link';
import { RoleBadge } from '@/components/auth/role-badge';
import { SignInFrame } from '@/components/auth/sign-in-frame';
import { isRole, ROLE_LABELS, requireRole } from '@/lib/auth';

export const metadata: Metadata = { title: 'Not allowed' };
export const dynamic = 'force-dynamic';

/** Where requireRole sends a signed-in person whose role is too weak for the page. */
export default async function ForbiddenPage({
  searchParams,
}: {
  searchParams: Promise<{ role?: string }>;
}) {
  const actor = await requireRole('viewer');
  const { role } = await searchParams;
  return (
    <SignInFrame title="Your role does not allow this">
      <p className="text-sm text-muted">
        {isRole(role) ? `That page needs the ${ROLE_LABELS[role]} role or above. ` : ''}
        You are signed in as {actor.name}, <RoleBadge role={actor.role} />
      </p>
      <Link href="/" className="text-sm font-medium text-accent hover:underline">
        Go to the overview →
      </Link>
    </SignInFrame>
  );
}
