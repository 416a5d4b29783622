'use client';

import { useActionState } from 'react';
import { ActionNotice } from '@/components/admin/action-notice';
import { CopyButton } from '@/components/ui/copy-button';
import { ALERT_CHANNEL_KINDS } from '@/lib/domain/alerts';
import type { AddChannelState, FormAction } from './channel-results';
import { CHANNEL_KIND_LABELS } from './labels';

const control =
  'h-8 rounded-md border border-border-strong bg-surface px-2 text-sm text-ink shadow-xs focus-visible:outline-2 focus-visible:outline-accent';

/**
 * Adds a channel. The URL goes to the server and never comes back; a webhook channel's signing
 * secret is shown once, here, for the receiver's configuration.
 */
export function AddChannelForm({
  action,
  suggestedUrl,
}: {
  action: FormAction<AddChannelState>;
  /** The local chat sink, offered as a placeholder in the demo. */
  suggestedUrl?: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form
      action={formAction}
      aria-label="Add a channel"
      className="flex flex-col gap-3 rounded-lg border border-border bg-surface p-4"
    >
      <h2 className="text-sm font-semibold text-ink">Add a channel</h2>
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-xs font-medium text-muted">
          Kind
          <select name="kind" className={control} defaultValue="slack">
            {ALERT_CHANNEL_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {CHANNEL_KIND_LABELS[kind]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-muted">
          Name
          <input
            name="name"
            required
            maxLength={80}
            className={`${control} w-48`}
            placeholder="#releases"
          />
        </label>
        <label className="flex min-w-72 flex-1 flex-col gap-1 text-xs font-medium text-muted">
          Webhook URL
          <input
            name="url"
            type="url"
            required
            autoComplete="off"
            className={control}
            placeholder={suggestedUrl ?? 'https://hooks.slack.com/services/…'}
          />
        </label>
        <button
          type="submit"
          disabled={pending}
          className="h-8 rounded-md bg-ink px-3 text-sm font-medium text-white shadow-xs hover:bg-zinc-700 disabled:opacity-60"
        >
          {pending ? 'Adding…' : 'Add channel'}
        </button>
      </div>
      {state && !state.ok ? (
        <ActionNotice tone="bad" testId="add-channel-result">
          {state.error.issues?.[0]?.message ?? state.error.message}
        </ActionNotice>
      ) : null}
      {state?.ok ? (
        <ActionNotice tone="good" testId="add-channel-result">
          Added “{state.data.name}”.
          {state.data.signingSecret ? (
            <span className="mt-1 flex flex-wrap items-center gap-2">
              Its signing secret, shown only now:
              <code className="rounded bg-white px-1 font-mono" data-testid="signing-secret">
                {state.data.signingSecret}
              </code>
              <CopyButton value={state.data.signingSecret} label="signing secret" />
            </span>
          ) : null}
        </ActionNotice>
      ) : null}
    </form>
  );
}
