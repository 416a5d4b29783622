import 'server-only';
import type { AlertState } from '@/db/schema';
import type { AlertFormat, FiringAlert } from '@/lib/domain/alert-facts';
import type { TransitionEvent } from '@/lib/domain/alert-transition';
import type { AlertBody, AlertRuleKey } from '@/lib/domain/alerts';
import { exactTime, percent, usd } from '@/lib/format';
import { currentEnv } from '@/lib/settings/env';
import { authEnv } from '@/lib/settings/schemas';

/** The board's own formats, so a message reads like the page it links to. */
export function alertFormat(): AlertFormat {
  return { usd: (amount) => usd(amount), percent: (ratio) => percent(ratio, 0), time: exactTime };
}

/**
 * The board's public address for links in messages: NEXTAUTH_URL, the URL people sign in at.
 * Without it a message carries no links rather than links to nowhere.
 */
function boardUrl(path: string): string | null {
  const base = authEnv.pick({ NEXTAUTH_URL: true }).parse(currentEnv()).NEXTAUTH_URL;
  return base ? new URL(path, base).toString() : null;
}

/**
 * One message from an alert's stored state: what fired (its detail, as the rule described it)
 * and the event. A resolution keeps the firing's figures and says when it fired and stopped.
 */
export function alertBody(input: {
  rule: AlertRuleKey;
  event: TransitionEvent;
  state: AlertState;
  now: Date;
}): AlertBody {
  const { rule, event, state, now } = input;
  const alert = state.detail as unknown as FiringAlert;
  const url = boardUrl(alert.path);
  const resolved = event === 'resolved';
  return {
    rule,
    event,
    severity: alert.severity,
    title: resolved ? alert.resolvedTitle : alert.title,
    summary: resolved
      ? `Fired at ${exactTime(state.firedAt)}; no longer firing at ${exactTime(now)}.`
      : alert.summary,
    fields: alert.fields,
    links: url ? [{ label: 'Open in envboard', url }] : [],
    ...(alert.environment ? { environment: alert.environment } : {}),
    occurredAt: now.toISOString(),
  };
}
