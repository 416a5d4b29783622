import Link from 'next/link';
import type { SearchParams } from '@/lib/domain/search-params';
import { hrefWith } from './href';

/**
 * Keyset paging: the cursor only moves forward, so the controls are "Next page" and a way back
 * to the first page. Every other URL parameter (filters, tab) is kept.
 */
export function Pager({
  path,
  searchParams,
  nextCursor,
  cursorParam = 'cursor',
  label = 'Pagination',
  nextLabel = 'Older',
  firstLabel = 'Newest',
}: {
  path: string;
  searchParams: SearchParams;
  nextCursor: string | null;
  cursorParam?: string;
  label?: string;
  /** For lists not sorted by time, e.g. "Next page" / "First page". */
  nextLabel?: string;
  firstLabel?: string;
}) {
  const onLaterPage = Boolean(searchParams[cursorParam]);
  if (!onLaterPage && !nextCursor) return null;
  const linkClass =
    'inline-flex items-center gap-1 rounded-md border border-border bg-surface px-3 py-1.5 text-sm font-medium text-ink shadow-xs hover:bg-subtle';
  const disabledClass =
    'inline-flex items-center gap-1 rounded-md border border-border px-3 py-1.5 text-sm text-faint';
  return (
    <nav aria-label={label} className="mt-3 flex items-center justify-between gap-2">
      {onLaterPage ? (
        <Link
          href={hrefWith(path, searchParams, { [cursorParam]: undefined })}
          className={linkClass}
        >
          <span aria-hidden="true">←</span> {firstLabel}
        </Link>
      ) : (
        <span />
      )}
      {nextCursor ? (
        <Link
          href={hrefWith(path, searchParams, { [cursorParam]: nextCursor })}
          className={linkClass}
          rel="next"
        >
          {nextLabel} <span aria-hidden="true">→</span>
        </Link>
      ) : (
        <span className={disabledClass} aria-disabled="true">
          End of list
        </span>
      )}
    </nav>
  );
}
