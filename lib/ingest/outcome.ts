/**
 * How applying a stored delivery ended: applied (whether or not it changed anything), ignored
 * with the reason (an event the board has no place for), or malformed (a payload missing what
 * the event needs — retrying cannot help).
 */
export type DeliveryOutcome =
  | { status: 'applied'; changed: boolean }
  | { status: 'ignored'; reason: string }
  | { status: 'malformed'; reason: string };

export const ignoredBecause = (reason: string): DeliveryOutcome => ({ status: 'ignored', reason });
