/** RFC 3339 to the second, as Neon's `expires_at` expects. */
export function rfc3339(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
