'use client';

import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import type { ActionResult } from '@/lib/domain/action-results';
import type { Availability } from '@/lib/domain/availability';
import type { OperationProgress } from '@/lib/domain/operation-progress';
import { useHydrated } from '@/components/ui/use-hydrated';
import { useTrackOperation } from './operation-tracker';

export type OperationAction = (input: FormData) => Promise<ActionResult<OperationProgress>>;

const TRIGGER = {
  primary: 'bg-accent text-white hover:bg-accent-ink',
  danger: 'border border-red-300 bg-surface text-red-800 hover:bg-red-50',
  neutral: 'border border-border-strong bg-surface text-ink hover:bg-subtle',
};
const SUBMIT = {
  primary: 'bg-accent text-white hover:bg-accent-ink',
  danger: 'bg-red-700 text-white hover:bg-red-800',
  neutral: 'bg-ink text-white hover:bg-zinc-700',
};

/**
 * A button that opens a confirm dialog for one operation, or, when the operation may not start
 * now, a button that says why (the reason is visible and is the button's description). The
 * dialog is a modal <dialog>: the page behind is inert, focus stays inside, Escape closes it.
 * It says what will happen (`children`), asks for a reason when `reason` is "required", and sends
 * `fields` with the form to the server action, which decides everything again.
 */
export function OperationDialog({
  label,
  title,
  availability,
  action,
  fields,
  reason = 'none',
  defaultReason,
  submitLabel,
  tone = 'neutral',
  size = 'md',
  children,
}: {
  label: string;
  title: string;
  availability: Availability;
  action: OperationAction;
  fields: Record<string, string | number>;
  reason?: 'required' | 'none';
  /** The reason already written, for the person to keep or edit (e.g. from an incident). */
  defaultReason?: string;
  submitLabel: string;
  tone?: keyof typeof TRIGGER;
  size?: 'sm' | 'md';
  /** What will happen: from → to, what gets deleted, whether approval is needed; extra inputs. */
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const ids = { title: useId(), description: useId(), why: useId(), error: useId() };
  const [requestKey, setRequestKey] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The dialog's markup exists only once someone opens it: a list page has a button on every
  // row, and rendering every row's dialog up front would multiply the page's server time.
  const [mounted, setMounted] = useState(false);
  useEffect(() => {
    if (mounted && requestKey && !dialog.current?.open) dialog.current?.showModal();
  }, [mounted, requestKey]);
  const track = useTrackOperation();
  const hydrated = useHydrated();
  // In a table row a long label wraps rather than pushing the table past the screen's edge.
  const buttonSize =
    size === 'sm' ? 'px-2 py-1 text-xs text-left' : 'px-3 py-1.5 text-sm whitespace-nowrap';

  if (!availability.allowed && availability.brief) {
    // A reason the page says once (the banner of an operation holding the environment) or that
    // is the same on every row: the button carries it as a short tooltip, not a sentence per row.
    return (
      <span className="inline-flex">
        <button
          type="button"
          aria-disabled="true"
          aria-describedby={ids.why}
          title={availability.brief}
          data-brief="true"
          className={`cursor-not-allowed rounded-md font-medium opacity-50 ${buttonSize} ${TRIGGER[tone]}`}
        >
          {label}
        </button>
        <span id={ids.why} className="sr-only">
          {availability.brief}
        </span>
      </span>
    );
  }

  if (!availability.allowed) {
    return (
      <span className="inline-flex max-w-xs flex-col items-start gap-1">
        <button
          type="button"
          aria-disabled="true"
          aria-describedby={ids.why}
          title={availability.reason}
          className={`cursor-not-allowed rounded-md font-medium opacity-50 ${buttonSize} ${TRIGGER[tone]}`}
        >
          {label}
        </button>
        <span id={ids.why} className="line-clamp-2 text-xs text-muted" title={availability.reason}>
          Unavailable: {availability.reason}
        </span>
      </span>
    );
  }

  function open() {
    setError(null);
    setRequestKey(crypto.randomUUID());
    setMounted(true);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    for (const [name, value] of Object.entries(fields)) form.set(name, String(value));
    form.set('requestKey', requestKey);
    setPending(true);
    setError(null);
    try {
      const result = await action(form);
      if (result.ok) {
        dialog.current?.close();
        track(result.data);
      } else {
        const issues = result.error.issues?.map((issue) => issue.message).join('; ');
        setError(issues ? `${result.error.message} ${issues}.` : result.error.message);
      }
    } catch {
      setError('The server could not be reached; nothing was changed. Try again.');
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <button
        type="button"
        onClick={open}
        disabled={!hydrated}
        className={`rounded-md font-medium ${buttonSize} ${TRIGGER[tone]}`}
      >
        {label}
      </button>
      {mounted ? (
        <dialog
          ref={dialog}
          aria-labelledby={ids.title}
          aria-describedby={ids.description}
          className="m-auto max-h-[calc(100dvh-2rem)] w-[32rem] max-w-[calc(100vw-2rem)] overflow-y-auto rounded-xl border border-border bg-surface p-0 text-left text-ink shadow-xl backdrop:bg-zinc-900/40"
        >
          <form onSubmit={submit} className="flex flex-col gap-4 p-5">
            <h2 id={ids.title} className="text-base font-semibold">
              {title}
            </h2>
            <div id={ids.description} className="flex flex-col gap-2 text-sm text-muted">
              {children}
            </div>
            {reason === 'required' ? (
              <label className="flex flex-col gap-1 text-sm font-medium">
                Reason{' '}
                <span className="font-normal text-muted">(required for a production change)</span>
                <textarea
                  name="reason"
                  required
                  defaultValue={defaultReason}
                  maxLength={500}
                  rows={3}
                  className="rounded-md border border-border-strong px-2 py-1.5 font-normal"
                />
              </label>
            ) : null}
            {error ? (
              <p
                id={ids.error}
                role="alert"
                className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800"
              >
                {error}
              </p>
            ) : null}
            <div className="flex justify-end gap-2">
              <button
                type="button"
                onClick={() => dialog.current?.close()}
                className="rounded-md border border-border-strong px-3 py-1.5 text-sm font-medium hover:bg-subtle"
              >
                Cancel
              </button>
              <button
                type="submit"
                disabled={pending}
                className={`rounded-md px-3 py-1.5 text-sm font-medium disabled:opacity-60 ${SUBMIT[tone]}`}
              >
                {pending ? 'Working…' : submitLabel}
              </button>
            </div>
          </form>
        </dialog>
      ) : null}
    </>
  );
}
