import { describe, expect, test } from 'vitest';
import { demoHistory } from '@/lib/demo';
import { demoAlerts } from '@/lib/demo/alerts';

const history = demoHistory({ now: new Date('2026-12-07T06:30:00Z') });
const alerts = demoAlerts(history);

describe("the demo's past alerts", () => {
  test('include each month whose spend passed 75 % of the budget, resolved when it ended', () => {
    const budget = alerts.filter((alert) => alert.rule === 'budget_month_to_date');
    expect(budget.map((alert) => alert.subject)).toEqual(['2026-10:75', '2026-11:75']);
    expect(budget[0]!.resolvedAt.toISOString()).toBe('2026-11-01T00:15:00.000Z');
    expect(budget[0]!.firing.summary).toMatch(/of the \$100\.00 monthly budget/);
  });

  test('include both production incidents, down then recovered', () => {
    const down = alerts.filter((alert) => alert.rule === 'environment_down');
    const incidents = history.incidents.filter((item) => item.environmentSlug === 'production');
    expect(down).toHaveLength(incidents.length);
    expect(down).toHaveLength(2);
    for (const [index, alert] of down.entries()) {
      expect(alert.firedAt.getTime()).toBeGreaterThan(incidents[index]!.from);
      expect(alert.resolvedAt.getTime()).toBeGreaterThan(incidents[index]!.to);
      expect(alert.firing).toMatchObject({ event: 'firing', severity: 'page' });
      expect(alert.resolved).toMatchObject({ event: 'resolved' });
    }
  });

  test('include each rollback, and all are resolved by now', () => {
    const rollbacks = history.operations.filter((operation) => operation.kind === 'rollback');
    expect(alerts.filter((alert) => alert.rule === 'rollback_happened')).toHaveLength(
      rollbacks.length,
    );
    for (const alert of alerts) expect(alert.resolvedAt <= history.now).toBe(true);
  });
});
