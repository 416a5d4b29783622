import Link from 'next/link';

/**
 * The environment the charts are about, as links (`?environment=`) that wrap on a narrow
 * screen: a project with many previews must not widen the page.
 */
export function EnvironmentPicker({
  environments,
}: {
  environments: readonly { href: string; label: string; current: boolean }[];
}) {
  return (
    <nav aria-label="Environment" className="mb-4">
      <ul className="flex flex-wrap gap-1.5 text-sm">
        {environments.map((environment) => (
          <li key={environment.href}>
            <Link
              href={environment.href}
              aria-current={environment.current ? 'page' : undefined}
              scroll={false}
              className={`inline-block rounded-md border px-2.5 py-1 font-medium whitespace-nowrap ${
                environment.current
                  ? 'border-ink bg-ink text-white'
                  : 'border-border text-muted hover:bg-subtle hover:text-ink'
              }`}
            >
              {environment.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
