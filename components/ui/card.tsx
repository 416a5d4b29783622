import Link from 'next/link';
import type { ReactNode } from 'react';

/**
 * A titled panel. With `href` the title links into the page that holds the details, so each
 * dashboard widget is a way in.
 */
export function Card({
  title,
  href,
  linkLabel = 'View all',
  actions,
  children,
  className = '',
  bodyClassName = 'p-4',
  testId,
}: {
  title?: ReactNode;
  href?: string;
  linkLabel?: string;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  bodyClassName?: string;
  testId?: string;
}) {
  return (
    <section
      className={`flex min-w-0 flex-col rounded-lg border border-border bg-surface shadow-xs ${className}`}
      data-testid={testId}
    >
      {title ? (
        <header className="flex items-center justify-between gap-3 border-b border-border px-4 py-2.5">
          <h2 className="text-sm font-semibold text-ink">
            {href ? (
              <Link href={href} className="hover:underline">
                {title}
              </Link>
            ) : (
              title
            )}
          </h2>
          <div className="flex items-center gap-3 text-xs">
            {actions}
            {href ? (
              <Link href={href} className="font-medium text-accent hover:underline">
                {linkLabel}
                <span aria-hidden="true"> →</span>
              </Link>
            ) : null}
          </div>
        </header>
      ) : null}
      <div className={`flex-1 ${bodyClassName}`}>{children}</div>
    </section>
  );
}
