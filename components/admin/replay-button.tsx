'use client';

import { useActionState } from 'react';
import type { ActionResult } from '@/lib/domain/action-results';
import { ActionNotice } from './action-notice';

/** What a replay reports back; times as ISO strings so they cross to the browser as they are. */
export interface ReplayResult {
  status: 'applied' | 'ignored' | 'stale' | 'malformed' | 'failed';
  changed: boolean;
  reason: string | null;
  retryAt: string | null;
}

export type ReplayState = ActionResult<ReplayResult> | null;

function sentence(result: ReplayResult): string {
  switch (result.status) {
    case 'applied':
      return result.changed
        ? 'Replayed: applied, and the board changed.'
        : 'Replayed: applied; nothing had changed.';
    case 'ignored':
      return `Replayed: ignored — ${result.reason}`;
    case 'stale':
      return `Replay refused: the delivery is stale — ${result.reason}`;
    case 'malformed':
      return `Replay refused: the delivery is malformed — ${result.reason}`;
    case 'failed':
      return `Replay failed: ${result.reason}${result.retryAt ? ` (next automatic retry ${new Date(result.retryAt).toLocaleString()})` : ''}`;
  }
}

/** Applies the stored delivery again and says how it ended. */
export function ReplayButton({
  id,
  action,
}: {
  id: number;
  action: (state: ReplayState, form: FormData) => Promise<ReplayState>;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="flex flex-col items-end gap-2">
      <input type="hidden" name="id" value={id} />
      <button
        type="submit"
        disabled={pending}
        className="h-8 rounded-md bg-ink px-3 text-sm font-medium text-white shadow-xs hover:bg-zinc-700 disabled:opacity-60"
      >
        {pending ? 'Replaying…' : 'Replay'}
      </button>
      {state ? (
        <ActionNotice
          tone={state.ok && state.data.status === 'applied' ? 'good' : 'bad'}
          testId="replay-result"
        >
          {state.ok ? sentence(state.data) : state.error.message}
        </ActionNotice>
      ) : null}
    </form>
  );
}
