import Link from 'next/link';
import type { ReactNode } from 'react';
import { RUNBOOK_TITLE, type RunbookName, runbookPath } from '@/lib/domain/runbooks';

/**
 * The one way the board points at a runbook: where a step needs a person to act (an incident,
 * a rollback, the budget, a stuck operation, a failing sync), this names the runbook to follow.
 */
export function RunbookLink({
  name,
  children,
  className = '',
}: {
  name: RunbookName;
  /** The link text; "<title> runbook" unless given. */
  children?: ReactNode;
  className?: string;
}) {
  return (
    <Link
      href={runbookPath(name)}
      data-testid={`runbook-link-${name}`}
      className={`inline-flex items-center gap-1 font-medium text-sky-800 underline-offset-2 hover:underline ${className}`}
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        className="size-3.5 shrink-0"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d="M4 5a2 2 0 012-2h13v16H6a2 2 0 00-2 2zM4 5v16M8 7h7M8 11h7" />
      </svg>
      {children ?? `${RUNBOOK_TITLE[name]} runbook`}
    </Link>
  );
}
