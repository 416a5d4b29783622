import Link from 'next/link';
import type { EnvironmentConfig } from '@/lib/domain/config-drift';

/** On an environment's Overview: its configuration has drifted, with the way to the details. */
export function ConfigDriftNotice({
  environment,
  onlyHere,
  href,
}: {
  environment: EnvironmentConfig;
  /** Names set for this environment alone. */
  onlyHere: number;
  href: string;
}) {
  const parts = [
    environment.missing.length > 0 &&
      `lacks ${environment.missing.length} variable${environment.missing.length === 1 ? '' : 's'} production or staging has`,
    onlyHere > 0 && `has ${onlyHere} set for it alone`,
  ].filter(Boolean);
  return (
    <div
      role="status"
      data-testid="config-drift-notice"
      className="mb-6 flex flex-wrap items-center justify-between gap-2 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900"
    >
      <p>
        <span className="font-semibold">Configuration drift:</span> {environment.slug}{' '}
        {parts.join(' and ')}.
      </p>
      <Link href={href} className="font-medium underline">
        See the Config tab
      </Link>
    </div>
  );
}
