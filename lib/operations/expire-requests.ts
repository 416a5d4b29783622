import type { Database } from '@/db/client';
import type { Operation } from '@/db/schema';
import { expireRequestedPromotions } from '@/db/writes/operations';
import { describeDuration } from './recovery-settings';

/** What the audit log says of a promotion request nobody approved in time. */
export function expiryReason(ttlMs: number): string {
  return `expired: not approved within ${describeDuration(ttlMs)}`;
}

/**
 * Ends every promotion request older than the TTL as rejected, with the reason, which releases
 * production's lock; returns the expired operations. Run by the recovery job every few minutes.
 */
export function expirePromotionRequests(
  db: Database,
  now: Date,
  ttlMs: number,
): Promise<Operation[]> {
  return expireRequestedPromotions(db, {
    requestedBefore: new Date(now.getTime() - ttlMs),
    at: now,
    error: expiryReason(ttlMs),
  });
}

/**
 * Expires one request if it is past the TTL, so an approval that comes after it, before the
 * recovery job has run, is refused like one that comes later. Returns the expired operation.
 */
export async function expireIfOverdue(
  db: Database,
  operation: Pick<Operation, 'id'>,
  now: Date,
  ttlMs: number,
): Promise<Operation | undefined> {
  const [expired] = await expireRequestedPromotions(db, {
    requestedBefore: new Date(now.getTime() - ttlMs),
    at: now,
    error: expiryReason(ttlMs),
    operationId: operation.id,
  });
  return expired;
}
