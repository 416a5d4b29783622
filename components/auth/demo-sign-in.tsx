'use client';

import { signIn } from 'next-auth/react';
import { useState } from 'react';
import { useHydrated } from '@/components/ui/use-hydrated';
import { DEMO_PROVIDER_ID, safeCallbackPath } from '@/lib/domain/auth-paths';
import { ROLE_LABELS, type Role } from '@/lib/domain/roles';
import { Avatar } from './avatar';

export interface DemoPerson {
  login: string;
  name: string;
  role: Role;
  avatarUrl: string | null;
}

/**
 * One button per demo team member. Signs in with next-auth's Credentials provider without a
 * redirect, then opens the page the visitor asked for. The server already checked it stays on this
 * site; it is checked again against the page's own origin because this is where the browser
 * actually navigates.
 */
export function DemoSignIn({
  people,
  callbackPath,
}: {
  people: DemoPerson[];
  callbackPath: string;
}) {
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const hydrated = useHydrated();

  async function signInAs(login: string) {
    setPending(login);
    setError(null);
    const result = await signIn(DEMO_PROVIDER_ID, { login, redirect: false });
    if (result?.ok && !result.error) {
      window.location.assign(safeCallbackPath(callbackPath, window.location.origin));
      return;
    }
    setPending(null);
    setError('Sign-in was refused. Reload the page and try again.');
  }

  return (
    <div>
      <ul className="divide-y divide-border rounded-lg border border-border" aria-label="Demo team">
        {people.map((person) => (
          <li key={person.login}>
            <button
              type="button"
              disabled={pending !== null || !hydrated}
              onClick={() => signInAs(person.login)}
              aria-label={`Sign in as ${person.name}, ${ROLE_LABELS[person.role]}`}
              className="flex w-full items-center gap-3 px-3 py-2.5 text-left hover:bg-subtle disabled:opacity-60"
            >
              <Avatar name={person.name} avatarUrl={person.avatarUrl} />
              <span className="min-w-0 flex-1">
                <span className="block truncate text-sm font-medium text-ink">{person.name}</span>
                <span className="block truncate text-xs text-faint">@{person.login}</span>
              </span>
              <span className="text-xs font-medium text-muted">
                {pending === person.login ? 'Signing in…' : ROLE_LABELS[person.role]}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {error ? (
        <p role="alert" className="mt-3 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
