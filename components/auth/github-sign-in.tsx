'use client';

import { signIn } from 'next-auth/react';
import { useState } from 'react';
import { safeCallbackPath } from '@/lib/domain/auth-paths';

/**
 * Starts GitHub's OAuth flow; next-auth brings the visitor back to `callbackPath`, kept on this
 * site (next-auth's redirect callback checks it once more when GitHub sends the visitor back).
 */
export function GitHubSignIn({ callbackPath }: { callbackPath: string }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signIn('github', {
          callbackUrl: safeCallbackPath(callbackPath, window.location.origin),
        });
      }}
      className="flex w-full items-center justify-center gap-2 rounded-md bg-ink px-3 py-2 text-sm font-medium text-white hover:bg-zinc-800 disabled:opacity-60"
    >
      <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4 fill-current">
        <path d="M8 0C3.58 0 0 3.58 0 8a8 8 0 005.47 7.59c.4.07.55-.17.55-.38v-1.33c-2.23.48-2.7-1.07-2.7-1.07-.36-.92-.89-1.17-.89-1.17-.73-.5.06-.49.06-.49.8.06 1.23.83 1.23.83.72 1.22 1.87.87 2.33.66.07-.52.28-.87.5-1.07-1.78-.2-3.64-.89-3.64-3.95 0-.87.31-1.59.82-2.15-.08-.2-.36-1.02.08-2.12 0 0 .67-.21 2.2.82a7.6 7.6 0 014 0c1.53-1.04 2.2-.82 2.2-.82.44 1.1.16 1.92.08 2.12.51.56.82 1.27.82 2.15 0 3.07-1.87 3.75-3.65 3.95.29.25.54.73.54 1.48v2.2c0 .21.15.46.55.38A8 8 0 0016 8c0-4.42-3.58-8-8-8z" />
      </svg>
      {pending ? 'Opening GitHub…' : 'Continue with GitHub'}
    </button>
  );
}
