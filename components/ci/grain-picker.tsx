import Link from 'next/link';
import { hrefWith } from '@/components/ui/href';
import type { CiGrain } from '@/lib/domain/ci-metrics';
import type { SearchParams } from '@/lib/domain/search-params';

const LABELS: Record<CiGrain, string> = { day: 'By day', week: 'By week' };

/** "By day · By week", kept in the URL (`?by=week`) beside the range. */
export function GrainPicker({
  path,
  searchParams,
  current,
}: {
  path: string;
  searchParams: SearchParams;
  current: CiGrain;
}) {
  return (
    <nav aria-label="Grain" className="inline-flex rounded-md border border-border text-xs">
      {(['day', 'week'] as const).map((grain) => (
        <Link
          key={grain}
          href={hrefWith(path, searchParams, { by: grain === 'day' ? undefined : grain })}
          aria-current={grain === current ? 'true' : undefined}
          scroll={false}
          className={`px-2 py-1 font-medium first:rounded-l-md last:rounded-r-md ${
            grain === current ? 'bg-ink text-white' : 'text-muted hover:bg-subtle hover:text-ink'
          }`}
        >
          {LABELS[grain]}
        </Link>
      ))}
    </nav>
  );
}
