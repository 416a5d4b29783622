'use client';

import { signOut } from 'next-auth/react';
import { useState } from 'react';
import { useHydrated } from '@/components/ui/use-hydrated';
import { SIGN_IN_PATH } from '@/lib/domain/auth-paths';

/**
 * Signs out through next-auth, then loads the sign-in page. redirect: false because next-auth
 * would build the next URL from NEXTAUTH_URL, which may name another port in development.
 */
export function SignOutButton({ className = '' }: { className?: string }) {
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();
  return (
    <button
      type="button"
      disabled={pending || !hydrated}
      onClick={async () => {
        setPending(true);
        await signOut({ redirect: false });
        window.location.assign(SIGN_IN_PATH);
      }}
      className={`rounded-md px-2 py-1 text-xs font-medium text-muted hover:bg-zinc-100 hover:text-ink disabled:opacity-60 ${className}`}
    >
      {pending ? 'Signing out…' : 'Sign out'}
    </button>
  );
}
