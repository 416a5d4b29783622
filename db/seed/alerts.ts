import { alertMessages, alertStates } from '../schema';
import type { Database } from '../client';
import type { DemoAlert } from '@/lib/demo/alerts';

/** The demo's channel answered each message at once: one attempt, accepted a second later. */
const ANSWERED_AFTER_MS = 1000;

/**
 * Writes the demo's past alerts as the rules and the dispatcher would have left them: each a
 * resolved alert state, with its firing and resolved messages sent to the demo's channel.
 */
export async function writeDemoAlerts(
  db: Database,
  projectId: number,
  channelId: number,
  alerts: readonly DemoAlert[],
): Promise<void> {
  if (alerts.length === 0) return;
  const states = await db
    .insert(alertStates)
    .values(
      alerts.map((alert) => ({
        projectId,
        rule: alert.rule,
        subject: alert.subject,
        dedupeKey: `${alert.rule}:${alert.subject}`,
        status: 'resolved',
        detail: { summary: alert.resolved.summary },
        firedAt: alert.firedAt,
        resolvedAt: alert.resolvedAt,
        lastNotifiedAt: alert.resolvedAt,
        createdAt: alert.firedAt,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: alertStates.id, dedupeKey: alertStates.dedupeKey });
  const stateIds = new Map(states.map((state) => [state.dedupeKey, state.id]));
  const messages = alerts.flatMap((alert) => {
    const dedupeKey = `${alert.rule}:${alert.subject}`;
    if (!stateIds.has(dedupeKey)) return [];
    return [alert.firing, alert.resolved].map((body) => {
      const at = new Date(body.occurredAt);
      const answeredAt = new Date(at.getTime() + ANSWERED_AFTER_MS);
      return {
        projectId,
        channelId,
        alertStateId: stateIds.get(dedupeKey)!,
        rule: alert.rule,
        dedupeKey,
        event: body.event,
        body: body as unknown as Record<string, unknown>,
        // The key enqueueAlertMessages gives the same change (db/writes/alert-outbox.ts).
        idempotencyKey: [projectId, dedupeKey, body.event, body.occurredAt, channelId].join('|'),
        status: 'sent',
        attempts: 1,
        attemptLog: [{ at: answeredAt.toISOString(), status: 200, error: null }],
        nextAttemptAt: at,
        sentAt: answeredAt,
        createdAt: at,
      };
    });
  });
  if (messages.length > 0) await db.insert(alertMessages).values(messages).onConflictDoNothing();
}
