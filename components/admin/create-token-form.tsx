'use client';

import { useActionState } from 'react';
import { CopyButton } from '@/components/ui/copy-button';
import {
  API_TOKEN_EXPIRIES,
  API_TOKEN_EXPIRY_LABELS,
  API_TOKEN_SCOPE_LABELS,
  API_TOKEN_SCOPES,
} from '@/lib/domain/api-tokens';
import { ActionNotice } from './action-notice';
import type { CreateTokenState, TokenAction } from './api-token-types';

const INPUT = 'h-8 rounded-md border border-border-strong bg-surface px-2 text-sm text-ink';

/**
 * Creates a token: a name, its scopes and a lifetime. The new token is shown here once, with a
 * copy button; envboard keeps only its hash.
 */
export function CreateTokenForm({ action }: { action: TokenAction<CreateTokenState> }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <div className="flex flex-col gap-3">
      <form
        action={formAction}
        className="flex flex-wrap items-end gap-4 rounded-lg border border-border bg-surface p-4"
        aria-label="Create an API token"
      >
        <label className="flex flex-col gap-1 text-sm font-medium text-ink">
          Name
          <input name="name" required maxLength={60} placeholder="ci-deploy" className={INPUT} />
        </label>
        <fieldset className="flex flex-col gap-1">
          <legend className="mb-1 text-sm font-medium text-ink">Scopes</legend>
          <div className="flex flex-wrap gap-3">
            {API_TOKEN_SCOPES.map((scope) => (
              <label key={scope} className="flex items-center gap-1.5 text-sm text-ink">
                <input
                  type="checkbox"
                  name="scope"
                  value={scope}
                  defaultChecked={scope === 'read'}
                />
                <span>
                  <span className="font-mono">{scope}</span>{' '}
                  <span className="text-muted">· {API_TOKEN_SCOPE_LABELS[scope]}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <label className="flex flex-col gap-1 text-sm font-medium text-ink">
          Expires after
          <select name="expiry" defaultValue="90" className={INPUT}>
            {API_TOKEN_EXPIRIES.map((expiry) => (
              <option key={expiry} value={expiry}>
                {API_TOKEN_EXPIRY_LABELS[expiry]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          disabled={pending}
          className="h-8 rounded-md bg-accent px-3 text-sm font-medium text-white hover:bg-accent-ink disabled:opacity-60"
        >
          {pending ? 'Creating…' : 'Create token'}
        </button>
      </form>
      {state?.ok ? (
        <div
          role="status"
          data-testid="new-token"
          className="flex flex-col gap-2 rounded-md border border-amber-500/40 bg-amber-50 px-3 py-2 text-sm text-amber-950"
        >
          <p>
            <strong>Copy the token {state.data.name} now.</strong> It is shown only this once:
            envboard keeps only its hash and cannot show it again.
          </p>
          <div className="flex items-center gap-2">
            <code
              className="min-w-0 rounded bg-surface px-2 py-1 font-mono text-xs break-all text-ink select-all"
              data-testid="new-token-value"
            >
              {state.data.token}
            </code>
            <CopyButton value={state.data.token} label="the new token" />
          </div>
        </div>
      ) : state ? (
        <ActionNotice tone="bad" testId="create-token-error">
          {state.error.issues?.[0]?.message ?? state.error.message}
        </ActionNotice>
      ) : null}
    </div>
  );
}
