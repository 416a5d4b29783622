/**
 * State only moves forward: an event applies when the provider says it happened at or after the
 * state we hold. Arrival order never matters.
 */
export function isNewerOrSame(incoming: Date, current: Date | null | undefined): boolean {
  return !current || incoming.getTime() >= current.getTime();
}
