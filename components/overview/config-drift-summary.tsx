import Link from 'next/link';
import type { ConfigDrift } from '@/lib/domain/config-drift';

/**
 * The Overview's flag for configuration drift between the long-lived environments: what each
 * lacks and what is set for one alone, each linking to that environment's Config tab.
 */
export function ConfigDriftSummary({
  drift,
  configHref,
}: {
  drift: ConfigDrift;
  configHref: (slug: string) => string;
}) {
  const lines = [
    ...drift.environments
      .filter((environment) => environment.missing.length > 0)
      .map((environment) => ({
        slug: environment.slug,
        text: `${environment.slug} lacks ${environment.missing.join(', ')}`,
      })),
    ...drift.onlyOne.map((only) => ({
      slug: only.slug,
      text: `${only.key} is set for ${only.slug} only`,
    })),
  ];
  return (
    <div
      role="status"
      data-testid="overview-config-drift"
      className="mb-4 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900"
    >
      <p className="font-semibold">Configuration drift between environments</p>
      <ul className="mt-1 list-disc pl-5">
        {lines.map((line) => (
          <li key={line.text} className="break-words">
            {line.text}.{' '}
            <Link href={configHref(line.slug)} className="font-medium underline">
              Config
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
