'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { isCurrent, type NavItem } from './nav-items';

/**
 * The one client leaf of the shell: it needs the current path to mark the page with
 * aria-current. A column in the sidebar on wide screens, a scrolling row under the top bar
 * on narrow ones.
 */
export function BoardNav({ items }: { items: readonly NavItem[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="min-w-0">
      <ul className="flex gap-1 overflow-x-auto px-3 pb-2 lg:flex-col lg:overflow-visible lg:px-2 lg:pb-0">
        {items.map((item) => {
          const current = isCurrent(item, pathname);
          return (
            <li key={item.href} className="shrink-0">
              <Link
                href={item.href}
                aria-current={current ? 'page' : undefined}
                className={`flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm font-medium whitespace-nowrap transition-colors ${
                  current
                    ? 'bg-zinc-200/70 text-ink'
                    : 'text-muted hover:bg-zinc-100 hover:text-ink'
                }`}
              >
                <svg
                  aria-hidden="true"
                  viewBox="0 0 24 24"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth={1.75}
                  strokeLinecap="round"
                  strokeLinejoin="round"
                  className={`size-4 shrink-0 ${current ? 'text-ink' : 'text-faint'}`}
                >
                  <path d={item.icon} />
                </svg>
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
