'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import type { ActionResult } from '@/lib/domain/action-results';
import type { Availability } from '@/lib/domain/availability';
import { useHydrated } from '@/components/ui/use-hydrated';

export type ControlAction = (input: FormData) => Promise<ActionResult<{ message: string }>>;

const TRIGGER = {
  primary: 'bg-accent text-white hover:bg-accent-ink',
  neutral: 'border border-border-strong bg-surface text-ink hover:bg-subtle',
};

/**
 * A button and a modal form for a change written at once (a pin, a freeze), not an operation to
 * follow. A refusal shows in the dialog and keeps what was typed; success closes it and reloads
 * the page's data. When `availability` refuses, the button is disabled and says why.
 */
export function ControlDialog({
  label,
  title,
  action,
  fields,
  submitLabel,
  availability = { allowed: true },
  tone = 'neutral',
  size = 'md',
  testId,
  children,
}: {
  label: string;
  title: string;
  action: ControlAction;
  fields: Record<string, string | number>;
  submitLabel: string;
  availability?: Availability;
  tone?: keyof typeof TRIGGER;
  size?: 'sm' | 'md';
  testId?: string;
  /** What will happen, and the form's inputs. */
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const ids = { title: useId(), why: useId() };
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const router = useRouter();
  const hydrated = useHydrated();
  useEffect(() => {
    if (open && !dialog.current?.open) dialog.current?.showModal();
  }, [open]);
  const buttonSize =
    size === 'sm' ? 'px-2 py-1 text-xs text-left' : 'px-3 py-1.5 text-sm whitespace-nowrap';

  if (!availability.allowed) {
    const why = availability.brief ?? availability.reason;
    return (
      <button
        type="button"
        aria-disabled="true"
        aria-describedby={ids.why}
        title={availability.reason}
        data-testid={testId}
        className={`cursor-not-allowed rounded-md font-medium opacity-50 ${buttonSize} ${TRIGGER[tone]}`}
      >
        {label}
        <span id={ids.why} className="sr-only">
          {why}
        </span>
      </button>
    );
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    for (const [name, value] of Object.entries(fields)) form.set(name, String(value));
    setPending(true);
    setError(null);
    try {
      const result = await action(form);
      if (result.ok) {
        dialog.current?.close();
        setOpen(false);
        router.refresh();
      } else {
        const issues = result.error.issues?.map((issue) => issue.message).join(' ');
        setError(issues ? `${result.error.message} ${issues}` : result.error.message);
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
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
        disabled={!hydrated}
        data-testid={testId}
        className={`rounded-md font-medium ${buttonSize} ${TRIGGER[tone]}`}
      >
        {label}
      </button>
      {open ? (
        <dialog
          ref={dialog}
          aria-labelledby={ids.title}
          onClose={() => setOpen(false)}
          className="m-auto max-h-[calc(100dvh-2rem)] w-[32rem] max-w-[calc(100vw-2rem)] overflow-y-auto rounded-xl border border-border bg-surface p-0 text-left text-ink shadow-xl backdrop:bg-zinc-900/40"
        >
          <form onSubmit={submit} className="flex flex-col gap-4 p-5">
            <h2 id={ids.title} className="text-base font-semibold">
              {title}
            </h2>
            <div className="flex flex-col gap-3 text-sm text-muted">{children}</div>
            {error ? (
              <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
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
                className="rounded-md bg-ink px-3 py-1.5 text-sm font-medium text-white hover:bg-zinc-700 disabled:opacity-60"
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

/** A labelled input of a control form. */
export function ControlField({
  label,
  hint,
  children,
}: {
  label: string;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <label className="flex flex-col gap-1 font-medium text-ink">
      <span>
        {label} {hint ? <span className="font-normal text-muted">({hint})</span> : null}
      </span>
      {children}
    </label>
  );
}

export const INPUT_CLASS = 'rounded-md border border-border-strong px-2 py-1.5 font-normal';
