'use client';

import { useActionState } from 'react';
import type { ActionResult } from '@/lib/domain/action-results';
import { ActionNotice } from './action-notice';

export interface DeleteOrphansResult {
  operationId: number | null;
  deleted: number;
  deferred: number;
  errors: string[];
}

export type DeleteOrphansState = ActionResult<DeleteOrphansResult> | null;

function sentence(result: DeleteOrphansResult): string {
  const left = result.deferred ? `; ${result.deferred} left for the next run` : '';
  const problems = result.errors.length ? `; ${result.errors.join('; ')}` : '';
  return `Deleted ${result.deleted}${left}${problems}; the audit log records the cleanup.`;
}

/** Deletes the candidates listed on the page (their keys ride along), and says how it went. */
export function DeleteOrphansButton({
  keys,
  action,
}: {
  keys: readonly string[];
  action: (state: DeleteOrphansState, form: FormData) => Promise<DeleteOrphansState>;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="flex flex-col items-start gap-2">
      <input type="hidden" name="keys" value={keys.join('\n')} />
      <button
        type="submit"
        disabled={pending}
        className="h-8 rounded-md border border-red-700/40 bg-red-600 px-3 text-sm font-medium text-white shadow-xs hover:bg-red-700 disabled:opacity-60"
      >
        {pending ? 'Deleting…' : 'Delete listed orphans now'}
      </button>
      {state ? (
        <ActionNotice
          tone={state.ok && state.data.errors.length === 0 ? 'good' : 'bad'}
          testId="delete-orphans-result"
        >
          {state.ok ? sentence(state.data) : state.error.message}
        </ActionNotice>
      ) : null}
    </form>
  );
}
