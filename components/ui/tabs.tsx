import Link from 'next/link';

/** Tabs as links: each tab is a URL, so it can be shared, bookmarked and opened without JS. */
export function Tabs({
  label,
  tabs,
}: {
  label: string;
  tabs: readonly { href: string; label: string; current: boolean; count?: number }[];
}) {
  return (
    <nav aria-label={label} className="mb-4 border-b border-border">
      <ul className="-mb-px flex gap-4">
        {tabs.map((tab) => (
          <li key={tab.href}>
            <Link
              href={tab.href}
              aria-current={tab.current ? 'page' : undefined}
              className={`inline-flex items-center gap-2 border-b-2 px-1 pb-2 text-sm font-medium ${
                tab.current
                  ? 'border-ink text-ink'
                  : 'border-transparent text-muted hover:border-border-strong hover:text-ink'
              }`}
            >
              {tab.label}
              {tab.count !== undefined ? (
                <span className="rounded-full bg-subtle px-1.5 text-xs text-muted tabular">
                  {tab.count}
                </span>
              ) : null}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
