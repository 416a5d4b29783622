import 'server-only';
import { and, eq, inArray, or } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { listAlertChannelNames, listAlertRuleRows } from '@/db/queries/alert-rules';
import { alertStates, type AlertState, projects } from '@/db/schema';
import { enqueueAlertMessages } from '@/db/writes/alert-outbox';
import { inTransaction } from '@/db/writes/transaction';
import type { FiringAlert } from '@/lib/domain/alert-facts';
import { evaluateRule } from '@/lib/domain/alert-evaluation';
import { ALERT_RULES, alertRuleSettings, type AlertRuleSettings } from '@/lib/domain/alert-rules';
import { alertTransition, transitionEvent } from '@/lib/domain/alert-transition';
import { ALERT_RULE_KEYS, type AlertRuleKey } from '@/lib/domain/alerts';
import { alertBody, alertFormat } from './alert-body';
import { gatherAlertFacts } from './facts';

export interface AlertEvaluation {
  fired: number;
  reminded: number;
  resolved: number;
  /** Messages stored in the outbox now, one per routed channel. */
  messages: number;
}

/** A rule's dedupe key for one subject: the same rule on the same subject is one alert. */
export const dedupeKeyOf = (rule: AlertRuleKey, subject: string) => `${rule}:${subject}`;

/**
 * Evaluates a project's rules (all of them, or the ones a write path names) and applies what
 * changed: a subject that starts firing fires, one that keeps firing is reminded after the
 * rule's resend interval, one that stops resolves. Each change stores its messages in the outbox
 * for the rule's channels. A rule without a row runs with the catalogue's defaults and goes to
 * every enabled channel of the project, so a project that only added a channel hears everything.
 * A disabled rule's firing alerts resolve without a message.
 *
 * Two evaluators at once (the cron and a write path) are safe: every state change is a
 * conditional write on the alert's unique dedupe key, and only the evaluator whose write took
 * effect stores the message.
 */
export async function evaluateAlerts(
  db: Database,
  {
    projectId,
    now = new Date(),
    rules,
  }: { projectId: number; now?: Date; rules?: readonly AlertRuleKey[] },
): Promise<AlertEvaluation> {
  const [project] = await db.select().from(projects).where(eq(projects.id, projectId));
  if (!project) throw new Error(`project ${projectId} does not exist`);
  const keys = rules ?? ALERT_RULE_KEYS;
  const [rows, channels] = await Promise.all([
    listAlertRuleRows(db, projectId),
    listAlertChannelNames(db, projectId),
  ]);
  const rowOf = new Map(rows.map((row) => [row.rule, row]));
  const settings = keys.map((key) => alertRuleSettings(key, rowOf.get(key)));
  const enabled = settings.filter((rule) => rule.enabled);
  const facts = await gatherAlertFacts(db, project, now, enabled);
  const format = alertFormat();
  const firing = new Map<AlertRuleKey, FiringAlert[]>(
    enabled.map((rule) => [
      rule.rule,
      evaluateRule(rule.rule, { facts, thresholds: rule.thresholds, now, format }),
    ]),
  );
  const enabledChannelIds = channels.filter((c) => c.enabled).map((c) => c.id);
  return inTransaction(db, (tx) =>
    applyTransitions(tx, { projectId, now, settings, firing, enabledChannelIds }),
  );
}

interface TransitionInput {
  projectId: number;
  now: Date;
  settings: readonly AlertRuleSettings[];
  firing: ReadonlyMap<AlertRuleKey, FiringAlert[]>;
  enabledChannelIds: readonly number[];
}

async function applyTransitions(db: Database, input: TransitionInput): Promise<AlertEvaluation> {
  const { projectId, now, settings, firing, enabledChannelIds } = input;
  const firingKeys = [...firing].flatMap(([rule, alerts]) =>
    alerts.map((alert) => dedupeKeyOf(rule, alert.subject)),
  );
  const states = await db
    .select()
    .from(alertStates)
    .where(
      and(
        eq(alertStates.projectId, projectId),
        inArray(
          alertStates.rule,
          settings.map((rule) => rule.rule),
        ),
        or(
          eq(alertStates.status, 'firing'),
          firingKeys.length > 0 ? inArray(alertStates.dedupeKey, firingKeys) : undefined,
        ),
      ),
    );
  const stateOf = new Map(states.map((state) => [state.dedupeKey, state]));
  const result: AlertEvaluation = { fired: 0, reminded: 0, resolved: 0, messages: 0 };

  for (const rule of settings) {
    const definition = ALERT_RULES[rule.rule];
    const channelIds = (rule.channelIds ?? enabledChannelIds).filter((id) =>
      enabledChannelIds.includes(id),
    );
    const alerts = firing.get(rule.rule) ?? [];
    const seen = new Set<string>();
    const changes: Array<{ state: AlertState | undefined; alert: FiringAlert | null }> = [];
    for (const alert of alerts) {
      const key = dedupeKeyOf(rule.rule, alert.subject);
      seen.add(key);
      changes.push({ state: stateOf.get(key), alert });
    }
    for (const state of states) {
      if (state.rule === rule.rule && state.status === 'firing' && !seen.has(state.dedupeKey)) {
        changes.push({ state, alert: null });
      }
    }
    for (const { state, alert } of changes) {
      const transition = alertTransition({
        previous: state ?? null,
        firing: alert !== null,
        now,
        resendMinutes: rule.resendMinutes,
      });
      if (transition === 'none') continue;
      const stored =
        transition === 'fire'
          ? await fire(db, projectId, rule.rule, alert!, now)
          : transition === 'remind'
            ? await remind(db, state!, alert!, now)
            : await resolve(db, state!, now);
      if (!stored) continue;
      result[transition === 'fire' ? 'fired' : transition === 'remind' ? 'reminded' : 'resolved']++;
      // A disabled rule's alerts end quietly: its owner switched it off.
      const event = rule.enabled
        ? transitionEvent(transition, definition.announcesResolution)
        : null;
      if (!event) continue;
      const ids = await enqueueAlertMessages(db, {
        projectId,
        alertStateId: stored.id,
        dedupeKey: stored.dedupeKey,
        body: alertBody({ rule: rule.rule, event, state: stored, now }),
        channelIds,
        dueAt: now,
      });
      result.messages += ids.length;
    }
  }
  return result;
}

/** Starts firing: a new alert, or one that resolved before. Nothing when another got there first. */
async function fire(
  db: Database,
  projectId: number,
  rule: AlertRuleKey,
  alert: FiringAlert,
  now: Date,
): Promise<AlertState | undefined> {
  const detail = { ...alert } as unknown as Record<string, unknown>;
  const [row] = await db
    .insert(alertStates)
    .values({
      projectId,
      rule,
      subject: alert.subject,
      dedupeKey: dedupeKeyOf(rule, alert.subject),
      status: 'firing',
      detail,
      firedAt: now,
      lastNotifiedAt: now,
    })
    .onConflictDoUpdate({
      target: [alertStates.projectId, alertStates.dedupeKey],
      set: { status: 'firing', detail, firedAt: now, resolvedAt: null, lastNotifiedAt: now },
      setWhere: eq(alertStates.status, 'resolved'),
    })
    .returning();
  return row;
}

/** Still firing after the resend interval: only if no other evaluator reminded meanwhile. */
async function remind(
  db: Database,
  state: AlertState,
  alert: FiringAlert,
  now: Date,
): Promise<AlertState | undefined> {
  const [row] = await db
    .update(alertStates)
    .set({ detail: { ...alert } as unknown as Record<string, unknown>, lastNotifiedAt: now })
    .where(
      and(
        eq(alertStates.id, state.id),
        eq(alertStates.status, 'firing'),
        state.lastNotifiedAt ? eq(alertStates.lastNotifiedAt, state.lastNotifiedAt) : undefined,
      ),
    )
    .returning();
  return row;
}

async function resolve(
  db: Database,
  state: AlertState,
  now: Date,
): Promise<AlertState | undefined> {
  const [row] = await db
    .update(alertStates)
    .set({ status: 'resolved', resolvedAt: now })
    .where(and(eq(alertStates.id, state.id), eq(alertStates.status, 'firing')))
    .returning();
  return row;
}
