import {
  type IgnoredParam,
  ignoredParamNotice,
  type ParamMeaning,
} from '@/lib/domain/search-params';

/**
 * Names each URL value the page could not apply and what it shows instead, so a stale bookmark
 * or a mistyped link never silently lists something else.
 */
export function FilterNotice({
  ignored,
  meanings,
}: {
  ignored: readonly IgnoredParam[];
  meanings: Record<string, ParamMeaning>;
}) {
  if (ignored.length === 0) return null;
  return (
    <div
      role="status"
      data-testid="filter-notice"
      className="mb-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm wrap-anywhere text-amber-900"
    >
      {ignored.map((param) => (
        <p key={param.name}>{ignoredParamNotice(param, meanings[param.name])}</p>
      ))}
    </div>
  );
}
