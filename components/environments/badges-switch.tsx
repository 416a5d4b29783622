'use client';

import { useActionState } from 'react';
import { ActionNotice } from '@/components/admin/action-notice';
import type { ActionResult } from '@/lib/domain/action-results';

export type BadgesSwitchState = ActionResult<{ badgesPublic: boolean }> | null;

/** The project-wide switch: badges for anyone, or for signed-in members only. */
export function BadgesSwitch({
  badgesPublic,
  action,
}: {
  badgesPublic: boolean;
  action: (state: BadgesSwitchState, form: FormData) => Promise<BadgesSwitchState>;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const isPublic = state?.ok ? state.data.badgesPublic : badgesPublic;
  return (
    <form action={formAction} className="flex flex-col items-start gap-2">
      <input type="hidden" name="badgesPublic" value={isPublic ? 'off' : 'on'} />
      <p className="text-sm text-muted">
        {isPublic
          ? 'Public: anyone with a link sees these badges, signed in or not.'
          : 'Members only: people without a session get 404, as for an environment that does not exist.'}
      </p>
      <button
        type="submit"
        disabled={pending}
        className="h-8 rounded-md border border-border-strong bg-surface px-3 text-sm font-medium text-ink shadow-xs hover:bg-subtle disabled:opacity-60"
      >
        {pending ? 'Saving…' : isPublic ? 'Make badges private' : 'Make badges public'}
      </button>
      {state && !state.ok ? <ActionNotice tone="bad">{state.error.message}</ActionNotice> : null}
    </form>
  );
}
