'use client';

import { useActionState } from 'react';
import type { ActionResult } from '@/lib/auth/guard';
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
  if (result.status === 'failed') return `${result.kind} failed: ${result.errors.join('; ')}`;
  const problems = result.errors.length ? `, ${result.errors.length} item errors` : '';
  return `${result.kind} ran: ${result.itemsSeen} seen, ${result.itemsChanged} changed${problems}.`;
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
    <form action={formAction} className="flex flex-col items-start gap-1.5">
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
