import type { AlertBody, AlertEvent, AlertSeverity } from '@/lib/domain/alerts';

/** The word before a title, so a resolved notice never reads like a new alert. */
const EVENT_PREFIX: Record<AlertEvent, string> = {
  firing: 'Firing',
  reminder: 'Still firing',
  resolved: 'Resolved',
  test: 'Test',
};

/** One line naming what happened: "Firing: Production is down". */
export function headline(body: AlertBody): string {
  return `${EVENT_PREFIX[body.event]}: ${body.title}`;
}

/** Colours as chat clients show them beside a message: red pages, amber tickets, green resolves. */
export function colourOf(body: Pick<AlertBody, 'event' | 'severity'>): number {
  if (body.event === 'resolved') return 0x2e7d32;
  if (body.event === 'test') return 0x546e7a;
  const bySeverity: Record<AlertSeverity, number> = {
    page: 0xc62828,
    ticket: 0xef6c00,
    info: 0x1565c0,
  };
  return bySeverity[body.severity];
}

/** The whole message as plain text: Slack's notification fallback and Discord's `content`. */
export function plainText(body: AlertBody): string {
  const lines = [headline(body), body.summary];
  for (const field of body.fields) lines.push(`${field.label}: ${field.value}`);
  for (const link of body.links) lines.push(`${link.label}: ${link.url}`);
  return lines.filter(Boolean).join('\n');
}
