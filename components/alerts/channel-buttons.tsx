'use client';

import { useActionState } from 'react';
import { ActionNotice } from '@/components/admin/action-notice';
import type { ChannelChangeState, FormAction, SendTestState } from './channel-results';

const button =
  'h-7 rounded-md border border-border-strong bg-surface px-2 text-xs font-medium text-ink shadow-xs hover:bg-subtle disabled:opacity-60';

export interface ChannelActions {
  sendTest: FormAction<SendTestState>;
  setEnabled: FormAction<ChannelChangeState>;
  remove: FormAction<ChannelChangeState>;
}

function testSentence(result: NonNullable<SendTestState>): string {
  if (!result.ok) return result.error.message;
  const { ok, status, error } = result.data;
  if (ok) return `Delivered: the channel answered ${status}.`;
  return `Not delivered: ${error ?? 'no answer'}.`;
}

/** A channel's buttons: Send test (with the channel's answer), enable or disable, delete. */
export function ChannelButtons({
  id,
  name,
  enabled,
  actions,
}: {
  id: number;
  name: string;
  enabled: boolean;
  actions: ChannelActions;
}) {
  const [test, testAction, testing] = useActionState(actions.sendTest, null);
  const [switched, switchAction, switching] = useActionState(actions.setEnabled, null);
  const [removed, removeAction, removing] = useActionState(actions.remove, null);
  const change = removed ?? switched;
  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex flex-wrap justify-end gap-2">
        <form action={testAction}>
          <input type="hidden" name="id" value={id} />
          <button
            type="submit"
            disabled={testing}
            className={button}
            aria-label={`Send test to ${name}`}
          >
            {testing ? 'Sending…' : 'Send test'}
          </button>
        </form>
        <form action={switchAction}>
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="enabled" value={String(!enabled)} />
          <button
            type="submit"
            disabled={switching}
            className={button}
            aria-label={`${enabled ? 'Disable' : 'Enable'} ${name}`}
          >
            {enabled ? 'Disable' : 'Enable'}
          </button>
        </form>
        <form
          action={removeAction}
          onSubmit={(event) => {
            if (
              !window.confirm(
                `Delete the channel “${name}”? Its past messages stay in the history.`,
              )
            ) {
              event.preventDefault();
            }
          }}
        >
          <input type="hidden" name="id" value={id} />
          <button
            type="submit"
            disabled={removing}
            aria-label={`Delete ${name}`}
            className={`${button} border-red-700/40 text-red-800 hover:bg-red-50`}
          >
            Delete
          </button>
        </form>
      </div>
      {test ? (
        <ActionNotice tone={test.ok && test.data.ok ? 'good' : 'bad'} testId="send-test-result">
          {testSentence(test)}
        </ActionNotice>
      ) : null}
      {change && !change.ok ? <ActionNotice tone="bad">{change.error.message}</ActionNotice> : null}
    </div>
  );
}
