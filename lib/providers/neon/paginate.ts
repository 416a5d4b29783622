/**
 * Follows an opaque cursor until the provider stops handing one out. A cursor that repeats
 * would loop forever, so it ends the walk too.
 */
export async function collectPages<T>(
  fetchPage: (cursor: string | undefined) => Promise<{ items: T[]; next?: string }>,
): Promise<T[]> {
  const all: T[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (;;) {
    const page = await fetchPage(cursor);
    all.push(...page.items);
    if (!page.next || page.items.length === 0 || seen.has(page.next)) return all;
    seen.add(page.next);
    cursor = page.next;
  }
}
