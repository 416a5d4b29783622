import type { AlertBody, AlertRuleKey } from '@/lib/domain/alerts';
import type { DemoHistory } from './types';

/** One past alert of the demo: when it fired and resolved, and the two messages it sent. */
export interface DemoAlert {
  rule: AlertRuleKey;
  subject: string;
  firedAt: Date;
  resolvedAt: Date;
  firing: AlertBody;
  resolved: AlertBody;
}

const MINUTE = 60_000;
/** The environment-down rule's default: two failed checks in a row, five minutes apart. */
const DOWN_AFTER_MS = 10 * MINUTE;
const BUDGET_SHARE = 0.75;

const usd = (amount: number) => `$${amount.toFixed(2)}`;

/**
 * The alerts the demo's 90 days would have sent, read from its history: each month's spend
 * passing 75 % of the budget (resolved when the month ended), each production incident (down,
 * then recovered) and each rollback of production. Every one is resolved by `now`; a month whose
 * spend is still running is left to the live rules.
 */
export function demoAlerts(history: DemoHistory): DemoAlert[] {
  return [...budgetCrossings(history), ...productionIncidents(history), ...rollbacks(history)]
    .filter((alert) => alert.resolvedAt <= history.now)
    .sort((a, b) => a.firedAt.getTime() - b.firedAt.getTime());
}

function budgetCrossings(history: DemoHistory): DemoAlert[] {
  const budget = history.project.monthlyBudgetUsd;
  const byDay = new Map<string, number>();
  for (const sample of history.costSamples) {
    byDay.set(sample.day, (byDay.get(sample.day) ?? 0) + sample.amountUsd);
  }
  const crossings: DemoAlert[] = [];
  let month = '';
  let spent = 0;
  let crossed = false;
  for (const day of [...byDay.keys()].sort()) {
    if (day.slice(0, 7) !== month) [month, spent, crossed] = [day.slice(0, 7), 0, false];
    spent += byDay.get(day)!;
    if (crossed || spent < budget * BUDGET_SHARE) continue;
    crossed = true;
    // The day's cost is known once the day is over: the next morning's cost sync sees it.
    const firedAt = new Date(Date.parse(`${day}T00:00:00Z`) + 24 * 60 * MINUTE + 15 * MINUTE);
    const [year, monthNumber] = month.split('-').map(Number);
    const resolvedAt = new Date(Date.UTC(year!, monthNumber!, 1, 0, 15));
    const fields = [
      { label: 'Spend', value: `${usd(spent)} of ${usd(budget)}` },
      { label: 'Month', value: month },
    ];
    crossings.push({
      rule: 'budget_month_to_date',
      subject: `${month}:75`,
      firedAt,
      resolvedAt,
      firing: {
        rule: 'budget_month_to_date',
        event: 'firing',
        severity: 'ticket',
        title: 'Month-to-date spend passed 75 % of the budget',
        summary: `${usd(spent)} spent in ${month} by ${day}, ${Math.round((spent / budget) * 100)} % of the ${usd(budget)} monthly budget.`,
        fields,
        links: [],
        occurredAt: firedAt.toISOString(),
      },
      resolved: {
        rule: 'budget_month_to_date',
        event: 'resolved',
        severity: 'ticket',
        title: 'Month-to-date spend passed 75 % of the budget',
        summary: `${month} is over; the new month's spend starts from zero.`,
        fields,
        links: [],
        occurredAt: resolvedAt.toISOString(),
      },
    });
  }
  return crossings;
}

function productionIncidents(history: DemoHistory): DemoAlert[] {
  return history.incidents
    .filter((incident) => incident.environmentSlug === 'production')
    .map((incident) => {
      const firedAt = new Date(incident.from + DOWN_AFTER_MS);
      const resolvedAt = new Date(incident.to + 5 * MINUTE);
      const failure = incident.failure === 'http_503' ? 'answered 503' : 'did not answer';
      const minutes = Math.round((incident.to - incident.from) / MINUTE);
      const base = {
        rule: 'environment_down' as const,
        severity: 'page' as const,
        title: 'Production is down',
        environment: 'production',
        links: [],
      };
      return {
        rule: 'environment_down',
        subject: `production:${new Date(incident.from).toISOString()}`,
        firedAt,
        resolvedAt,
        firing: {
          ...base,
          event: 'firing',
          summary: `Production's health check ${failure} twice in a row.`,
          fields: [{ label: 'Failing since', value: new Date(incident.from).toISOString() }],
          occurredAt: firedAt.toISOString(),
        },
        resolved: {
          ...base,
          event: 'resolved',
          summary: `Production answers again, after about ${minutes} minutes down.`,
          fields: [{ label: 'Down for', value: `${minutes} min` }],
          occurredAt: resolvedAt.toISOString(),
        },
      } satisfies DemoAlert;
    });
}

function rollbacks(history: DemoHistory): DemoAlert[] {
  return history.operations.flatMap((operation) => {
    if (operation.kind !== 'rollback') return [];
    const firedAt = operation.finishedAt;
    // A rollback is news, not a condition: its notice resolves as soon as it is sent.
    const resolvedAt = new Date(firedAt.getTime() + MINUTE);
    const base = {
      rule: 'rollback_happened' as const,
      severity: 'info' as const,
      title: `${operation.environmentSlug === 'production' ? 'Production' : operation.environmentSlug} was rolled back`,
      environment: operation.environmentSlug,
      fields: [
        { label: 'By', value: `@${operation.actor}` },
        { label: 'Reason', value: operation.reason },
      ],
      links: [],
    };
    return [
      {
        rule: 'rollback_happened',
        subject: `${operation.environmentSlug}:${operation.rollback.servedVercelId}`,
        firedAt,
        resolvedAt,
        firing: {
          ...base,
          event: 'firing',
          summary: `@${operation.actor} rolled ${operation.environmentSlug} back: ${operation.reason}`,
          occurredAt: firedAt.toISOString(),
        },
        resolved: {
          ...base,
          event: 'resolved',
          summary: `The rollback of ${operation.environmentSlug} finished.`,
          occurredAt: resolvedAt.toISOString(),
        },
      } satisfies DemoAlert,
    ];
  });
}
