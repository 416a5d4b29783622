/**
 * Whether every segment of a URL path is valid percent-encoding (`%ZZ`, `%E0%A4%A` are not).
 * Next.js fails such a path with a bare 500 when it decodes a dynamic segment, so the proxy
 * answers it as not found first: it names no page and no row.
 */
export function isDecodablePath(pathname: string): boolean {
  try {
    for (const segment of pathname.split('/')) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}
