'use client';

import { type FormEvent, useState, useTransition } from 'react';
import { ActionNotice } from '@/components/admin/action-notice';
import type { ActionResult } from '@/lib/domain/action-results';
import { useHydrated } from '@/components/ui/use-hydrated';
import type { AlertRuleDefinition, AlertRuleSettings } from '@/lib/domain/alert-rules';

export interface RuleChannel {
  id: number;
  name: string;
  kind: string;
  enabled: boolean;
}

type SaveResult = ActionResult<{ rule: string }>;

const inputClass =
  'h-8 w-24 rounded-md border border-border-strong bg-surface px-2 text-sm text-ink disabled:bg-subtle aria-[invalid=true]:border-red-600';

/**
 * One rule's settings. Submitted without resetting the form, so a value the server refuses
 * stays in its field beside the reason. Without `action` the form is read-only.
 */
export function AlertRuleForm({
  definition,
  settings,
  channels,
  action,
}: {
  definition: AlertRuleDefinition;
  settings: AlertRuleSettings;
  channels: readonly RuleChannel[];
  action?: (form: FormData) => Promise<SaveResult>;
}) {
  const [result, setResult] = useState<SaveResult | null>(null);
  const [pending, startTransition] = useTransition();
  // Until React runs, a submit would be the browser's own (a GET that drops the edits).
  const hydrated = useHydrated();
  const issues = new Map(
    result && !result.ok ? (result.error.issues ?? []).map((i) => [i.path, i.message]) : [],
  );
  const routed = new Set(settings.channelIds ?? channels.filter((c) => c.enabled).map((c) => c.id));
  const id = (name: string) => `${definition.key}-${name}`;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!action) return;
    const form = new FormData(event.currentTarget);
    startTransition(async () => setResult(await action(form)));
  }

  return (
    <form
      onSubmit={submit}
      aria-label={definition.title}
      data-testid={`rule-${definition.key}`}
      className="flex flex-col gap-3 border-t border-border py-4 first:border-t-0"
    >
      <input type="hidden" name="rule" value={definition.key} />
      <fieldset disabled={!action || pending || !hydrated} className="flex flex-col gap-3">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div className="min-w-0">
            <label className="flex items-center gap-2 text-sm font-semibold text-ink">
              <input type="checkbox" name="enabled" defaultChecked={settings.enabled} />
              {definition.title}
            </label>
            <p className="mt-0.5 text-sm text-muted">{definition.description}</p>
          </div>
          <span className="text-xs text-muted">Severity: {definition.severity}</span>
        </div>
        <div className="flex flex-wrap gap-4">
          {definition.thresholds.map((threshold) => {
            const name = `thresholds.${threshold.key}`;
            const error = issues.get(name);
            return (
              <div key={threshold.key} className="flex flex-col gap-1">
                <label htmlFor={id(threshold.key)} className="text-xs font-medium text-muted">
                  {threshold.label}
                </label>
                <span className="flex items-center gap-1.5 text-sm text-muted">
                  <input
                    id={id(threshold.key)}
                    name={`threshold.${threshold.key}`}
                    inputMode="decimal"
                    defaultValue={settings.thresholds[threshold.key]}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? id(`${threshold.key}-error`) : undefined}
                    className={inputClass}
                  />
                  {threshold.unit}
                </span>
                {error ? (
                  <span id={id(`${threshold.key}-error`)} className="text-xs text-red-700">
                    {error}
                  </span>
                ) : null}
              </div>
            );
          })}
          <div className="flex flex-col gap-1">
            <label htmlFor={id('resend')} className="text-xs font-medium text-muted">
              Resend while firing every
            </label>
            <span className="flex items-center gap-1.5 text-sm text-muted">
              <input
                id={id('resend')}
                name="resendMinutes"
                inputMode="numeric"
                defaultValue={settings.resendMinutes}
                aria-invalid={issues.has('resendMinutes') ? true : undefined}
                className={inputClass}
              />
              minutes (0: never)
            </span>
            {issues.has('resendMinutes') ? (
              <span className="text-xs text-red-700">{issues.get('resendMinutes')}</span>
            ) : null}
          </div>
        </div>
        <div className="flex flex-col gap-1">
          <span className="text-xs font-medium text-muted">Channels</span>
          {channels.length === 0 ? (
            <span className="text-sm text-muted">
              No channels yet: add one on the Alerts page, and every rule goes to it.
            </span>
          ) : (
            <span className="flex flex-wrap gap-x-4 gap-y-1">
              {channels.map((channel) => (
                <label key={channel.id} className="flex items-center gap-1.5 text-sm text-ink">
                  <input
                    type="checkbox"
                    name="channelIds"
                    value={channel.id}
                    defaultChecked={routed.has(channel.id)}
                  />
                  {channel.name}
                  <span className="text-xs text-muted">
                    ({channel.kind}
                    {channel.enabled ? '' : ', off'})
                  </span>
                </label>
              ))}
            </span>
          )}
        </div>
        {action ? (
          <div className="flex flex-wrap items-center gap-3">
            <button
              type="submit"
              aria-label={`Save ${definition.title}`}
              className="h-8 rounded-md border border-border-strong bg-surface px-3 text-sm font-medium text-ink shadow-xs hover:bg-subtle disabled:opacity-60"
            >
              {pending ? 'Saving…' : 'Save'}
            </button>
            {result ? (
              <ActionNotice
                tone={result.ok ? 'good' : 'bad'}
                testId={`rule-${definition.key}-result`}
              >
                {result.ok ? 'Saved.' : result.error.message}
              </ActionNotice>
            ) : null}
          </div>
        ) : null}
      </fieldset>
    </form>
  );
}
