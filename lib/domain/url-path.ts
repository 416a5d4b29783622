/**
 * The path with each segment that is not valid percent-encoding (`%ZZ`, a lone `%`, `%E0%A4%A`)
 * encoded as literal text, so it decodes to the characters that were sent; a valid path comes
 * back unchanged. Next.js fails an undecodable dynamic segment with a bare 500.
 */
export function decodablePath(pathname: string): string {
  return pathname
    .split('/')
    .map((segment) => {
      try {
        decodeURIComponent(segment);
        return segment;
      } catch {
        return encodeURIComponent(segment);
      }
    })
    .join('/');
}
