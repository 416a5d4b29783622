import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../client';
import { type AlertMessage, alertMessages } from '../schema';

/**
 * Claims up to `limit` due messages for one dispatcher run: each claimed row's next attempt is
 * pushed `leaseMs` ahead, so a dispatcher running at the same time skips it, and one that died
 * mid-send leaves it due again once the lease runs out (at least once, never lost). A message
 * waits while an older one to the same channel is still pending and not yet due: a channel gets
 * its messages in order, while every other channel goes on.
 */
export async function claimDueAlertMessages(
  db: Database,
  now: Date,
  limit: number,
  leaseMs: number,
): Promise<AlertMessage[]> {
  const at = now.toISOString();
  const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
  const due = sql`
    select m.id from ${alertMessages} m
    where m.status = 'pending' and m.next_attempt_at <= ${at}::timestamptz
      and not exists (
        select 1 from ${alertMessages} e
        where e.channel_id = m.channel_id and e.status = 'pending' and e.id < m.id
          and e.next_attempt_at > ${at}::timestamptz
      )
    order by m.id
    limit ${limit}
    for update skip locked`;
  return db
    .update(alertMessages)
    .set({ nextAttemptAt: new Date(leaseUntil) })
    .where(sql`${alertMessages.id} in (${due})`)
    .returning()
    .then((rows) => rows.sort((a, b) => a.id - b.id));
}

export interface AttemptOutcome {
  at: Date;
  /** The HTTP status the channel answered, or null when no answer came. */
  status: number | null;
  error: string | null;
  /** Sent, retried at `retryAt`, or given up. */
  result: { sent: true } | { sent: false; retryAt: Date | null };
}

/** Records one attempt in the message's log and moves it to sent, a later retry, or failed. */
export async function recordAlertAttempt(
  db: Database,
  message: Pick<AlertMessage, 'id' | 'attempts' | 'attemptLog'>,
  outcome: AttemptOutcome,
): Promise<void> {
  const entry = { at: outcome.at.toISOString(), status: outcome.status, error: outcome.error };
  const { result } = outcome;
  await db
    .update(alertMessages)
    .set({
      attempts: message.attempts + 1,
      attemptLog: [...message.attemptLog, entry],
      status: result.sent ? 'sent' : result.retryAt ? 'pending' : 'failed',
      sentAt: result.sent ? outcome.at : null,
      ...(!result.sent && result.retryAt ? { nextAttemptAt: result.retryAt } : {}),
    })
    .where(and(eq(alertMessages.id, message.id), eq(alertMessages.status, 'pending')));
}

/** Puts claimed messages back to wait until `at`: they queue behind an older one that failed. */
export async function deferAlertMessages(db: Database, ids: number[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(alertMessages)
    .set({ nextAttemptAt: at })
    .where(and(inArray(alertMessages.id, ids), eq(alertMessages.status, 'pending')));
}
