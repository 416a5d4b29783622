import type { ReactNode } from 'react';

/** The centred card the sign-in and forbidden pages share, under the envboard mark. */
export function SignInFrame({
  title,
  error,
  children,
}: {
  title: string;
  error?: string | null;
  children: ReactNode;
}) {
  return (
    <main className="grid min-h-dvh place-items-center bg-canvas px-4 py-10">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center justify-center gap-2 text-ink">
          <span
            aria-hidden="true"
            className="grid size-7 place-items-center rounded-md bg-ink text-xs font-bold text-white"
          >
            eb
          </span>
          <span className="text-base font-semibold tracking-tight">envboard</span>
        </div>
        <div className="flex flex-col gap-5 rounded-xl border border-border bg-surface p-6 shadow-xs">
          <h1 className="text-lg font-semibold tracking-tight">{title}</h1>
          {error ? (
            <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
              {error}
            </p>
          ) : null}
          {children}
        </div>
      </div>
    </main>
  );
}
