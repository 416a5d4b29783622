import Link from 'next/link';
import type { ReactNode } from 'react';

/** Says what is missing and what to do next, with an optional link to do it. */
export function EmptyState({
  title,
  children,
  action,
}: {
  title: string;
  children?: ReactNode;
  action?: { href: string; label: string };
}) {
  return (
    <div
      className="flex flex-col items-center gap-2 rounded-lg border border-dashed border-border-strong bg-surface px-6 py-10 text-center"
      data-testid="empty-state"
    >
      <p className="text-sm font-semibold text-ink">{title}</p>
      {children ? <div className="max-w-prose text-sm text-muted">{children}</div> : null}
      {action ? (
        <Link href={action.href} className="mt-1 text-sm font-medium text-accent hover:underline">
          {action.label}
        </Link>
      ) : null}
    </div>
  );
}
