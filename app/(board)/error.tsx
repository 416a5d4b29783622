'use client';

import { useEffect } from 'react';
import { useRequestId } from './request-id';

/**
 * What a board page shows when its server work throws (a failing query, a provider down): a
 * sentence, the references that find the failure in the server's log, and a way to try again.
 * Next.js hides a server error's message and stack from the browser in production and hands
 * this screen only its `digest`, the id it logs the error under
 * (https://nextjs.org/docs/app/api-reference/file-conventions/error); nothing else is shown.
 */
export default function BoardError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const requestId = useRequestId();
  useEffect(() => {
    // The browser's console gets what the browser already has: the digest, never a stack.
    console.error(`envboard: this page failed (reference ${error.digest ?? 'none'})`);
  }, [error.digest]);
  return (
    <section role="alert" className="mx-auto max-w-xl py-16 text-center">
      <h1 className="text-xl font-semibold tracking-tight text-ink">This page could not load</h1>
      <p className="mt-2 text-sm text-muted">
        Something went wrong on envboard&apos;s side while reading this page&apos;s data. Try again;
        if it keeps failing, send the reference below to whoever runs envboard.
      </p>
      <dl className="mt-4 inline-grid grid-cols-[auto_auto] gap-x-3 gap-y-1 text-left text-xs">
        <dt className="text-muted">Reference</dt>
        <dd className="font-mono text-ink" data-testid="error-reference">
          {error.digest ?? 'none'}
        </dd>
        {requestId ? (
          <>
            <dt className="text-muted">Request</dt>
            <dd className="font-mono text-ink" data-testid="error-request-id">
              {requestId}
            </dd>
          </>
        ) : null}
      </dl>
      <div className="mt-6">
        <button
          type="button"
          onClick={reset}
          className="h-8 rounded-md bg-ink px-3 text-sm font-medium text-white shadow-xs hover:bg-zinc-700"
        >
          Retry
        </button>
      </div>
    </section>
  );
}
