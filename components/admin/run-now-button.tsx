'use client';

import { useActionState } from 'react';
import type { ActionResult } from '@/lib/domain/action-results';
import { ActionNotice } from './action-notice';

export interface RunNowResult {
  kind: string;
  status: 'running' | 'succeeded' | 'failed';
  itemsSeen: number;
  itemsChanged: number;
  errors: string[];
}

export type RunNowState = ActionResult<RunNowResult> | null;

function sentence(result: RunNowResult): string {
  if (result.status === 'failed') return 'Failed: the reason is in this row.';
  const errors = result.errors.length;
  const problems = errors ? `, ${errors} item ${errors === 1 ? 'error' : 'errors'}` : '';
  return `Ran: ${result.itemsSeen} seen, ${result.itemsChanged} changed${problems}.`;
}

/** Runs one sync kind now, as its cron would, and says how it went. */
export function RunNowButton({
  kind,
  action,
}: {
  kind: string;
  action: (state: RunNowState, form: FormData) => Promise<RunNowState>;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="flex w-44 flex-col items-start gap-1.5">
      <input type="hidden" name="kind" value={kind} />
      <button
        type="submit"
        disabled={pending}
        aria-label={`Run ${kind} now`}
        className="h-7 rounded-md border border-border-strong bg-surface px-2.5 text-xs font-medium text-ink shadow-xs hover:bg-subtle disabled:opacity-60"
      >
        {pending ? 'Running…' : 'Run now'}
      </button>
      {state ? (
        <ActionNotice
          tone={state.ok && state.data.status === 'succeeded' ? 'good' : 'bad'}
          testId="run-now-result"
        >
          {state.ok ? sentence(state.data) : state.error.message}
        </ActionNotice>
      ) : null}
    </form>
  );
}
