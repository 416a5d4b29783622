'use client';

import { useActionState, useId, useRef } from 'react';
import { ActionNotice } from './action-notice';
import type { RevokeTokenState, TokenAction } from './api-token-types';

/**
 * Revokes one token after a confirmation: a modal dialog that names the token and says that
 * every job using it gets 401 from the next request.
 */
export function RevokeTokenButton({
  tokenId,
  name,
  action,
}: {
  tokenId: number;
  name: string;
  action: TokenAction<RevokeTokenState>;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <>
      <button
        type="button"
        onClick={() => dialog.current?.showModal()}
        className="rounded-md border border-red-300 bg-surface px-2 py-1 text-xs text-red-800 hover:bg-red-50"
      >
        Revoke
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-full max-w-md rounded-lg border border-border bg-surface p-5 text-left shadow-lg backdrop:bg-black/30"
      >
        <form action={formAction} className="flex flex-col gap-3">
          <h2 id={titleId} className="text-base font-semibold text-ink">
            Revoke {name}?
          </h2>
          <p className="text-sm text-muted">
            Every job or script using this token gets 401 from its next request. This cannot be
            undone; create a new token to replace it.
          </p>
          <input type="hidden" name="tokenId" value={tokenId} />
          {state && !state.ok ? (
            <ActionNotice tone="bad">{state.error.message}</ActionNotice>
          ) : null}
          <div className="flex justify-end gap-2">
            <button
              type="button"
              onClick={() => dialog.current?.close()}
              className="rounded-md border border-border-strong bg-surface px-3 py-1.5 text-sm text-ink hover:bg-subtle"
            >
              Cancel
            </button>
            <button
              type="submit"
              disabled={pending}
              className="rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800 disabled:opacity-60"
            >
              {pending ? 'Revoking…' : 'Revoke token'}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
