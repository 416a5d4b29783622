import type { SearchParams } from '@/lib/domain/search-params';

/**
 * A link to `path` that keeps the current query string, with `changes` applied: a string sets
 * the parameter, undefined or '' removes it.
 */
export function hrefWith(
  path: string,
  current: SearchParams,
  changes: Record<string, string | undefined>,
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(current)) {
    if (key in changes) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== '') params.append(key, item);
    }
  }
  for (const [key, value] of Object.entries(changes)) {
    if (value !== undefined && value !== '') params.set(key, value);
  }
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}
