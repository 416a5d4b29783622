import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import BoardError from '@/app/(board)/error';
import { RequestIdProvider } from '@/app/(board)/request-id';

/** The board's error screen as the browser gets it: Next.js hands it the error and reset(). */
function render(error: Error & { digest?: string }, requestId: string | null) {
  return renderToStaticMarkup(
    createElement(
      RequestIdProvider,
      // The child is passed as createElement's third argument, which types cannot see.
      { id: requestId } as Parameters<typeof RequestIdProvider>[0],
      createElement(BoardError, { error, reset: () => {} }),
    ),
  );
}

describe('the board’s error screen', () => {
  const failure = Object.assign(new Error('relation "test_runs" does not exist'), {
    digest: '2761930853',
  });
  failure.stack =
    'Error: relation "test_runs" does not exist\n    at getTestRun (db/queries/tests.ts:42:9)';

  it('says the page could not load, with the reference, the request id and Retry', () => {
    const html = render(failure, '0b7c6a52-4f1e-4f7e-9a57-0c7d1c1e2f3a');
    expect(html).toContain('role="alert"');
    expect(html).toContain('This page could not load');
    expect(html).toMatch(/data-testid="error-reference">2761930853</);
    expect(html).toMatch(/data-testid="error-request-id">0b7c6a52-4f1e-4f7e-9a57-0c7d1c1e2f3a</);
    expect(html).toMatch(/<button[^>]*>Retry<\/button>/);
  });

  it('never shows the error’s message or stack', () => {
    const html = render(failure, null);
    expect(html).not.toContain('does not exist');
    expect(html).not.toContain('db/queries');
    expect(html).not.toContain('error-request-id');
  });
});
