'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { isCurrent, type NavItem } from './nav-items';

/**
 * The main navigation; it needs the current path to mark the page with aria-current. A column
 * in the sidebar on wide screens, two columns in the menu (board-sidebar.tsx) on narrow ones.
 */
export function BoardNav({ items }: { items: readonly NavItem[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="min-w-0">
      <ul className="grid grid-cols-2 gap-1 px-3 sm:grid-cols-3 lg:flex lg:flex-col lg:px-2">
        {items.map((item) => {
          const current = isCurrent(item, pathname);
          return (
            <li key={item.href} className="min-w-0">
              <Link
                href={item.href}
                aria-current={current ? 'page' : undefined}
                className={`flex items-center gap-2.5 rounded-md px-2.5 py-2 text-sm font-medium whitespace-nowrap transition-colors lg:py-1.5 ${
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
