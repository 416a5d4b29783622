/**
 * How applying a stored delivery ended: applied (whether or not it changed anything), ignored
 * with the reason (an event the board has no place for), malformed (a payload missing what
 * the event needs — retrying cannot help), or stale (news too old to apply: the sync, which
 * reads the provider's current state, covers it).
 */
export type DeliveryOutcome =
  | { status: 'applied'; changed: boolean }
  | { status: 'ignored'; reason: string }
  | { status: 'malformed'; reason: string }
  | { status: 'stale'; reason: string };

export const ignoredBecause = (reason: string): DeliveryOutcome => ({ status: 'ignored', reason });
