/**
 * Cuts `text` to at most `max` characters, ending in "…" when it cut. Counts UTF-16 code units,
 * as Slack and Discord measure their limits, and never splits a surrogate pair (an emoji cut in
 * half would make the whole payload invalid UTF-8).
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}
