import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import { UptimeGlance } from '@/components/overview/uptime-glance';
import { UptimeTable } from '@/components/uptime/uptime-table';
import {
  type EnvironmentUptime,
  environmentSloVerdict,
  SLO_WINDOW,
  sloVerdict,
  windowUptime,
} from '@/lib/domain/uptime';

const now = new Date(Date.UTC(2026, 2, 1, 12));

/** Production as the walk-through found it: a bad week inside a month that meets the SLO. */
const production: EnvironmentUptime = {
  environmentId: 1,
  slug: 'production',
  name: 'Production',
  kind: 'production',
  url: 'https://acme-web.vercel.app',
  sloPct: 99.9,
  windows: {
    '24h': windowUptime(288, 288, 99.9),
    '7d': windowUptime(2009, 2016, 99.9),
    '30d': windowUptime(8635, 8640, 99.9),
  },
  errorBudgetRemaining30d: 0.4,
  latencyP50Ms: 92,
  latencyP95Ms: 181,
  lastCheck: { checkedAt: now, ok: true, statusCode: 200, latencyMs: 88 },
};

describe('the SLO verdict', () => {
  test('is judged over the SLO window only, and names it', () => {
    expect(SLO_WINDOW).toBe('30d');
    expect(sloVerdict(8635, 8640, 99.9)).toMatchObject({
      status: 'meeting',
      label: 'Meeting SLO, 30 days',
    });
    expect(sloVerdict(2009, 2016, 99.9)).toMatchObject({
      status: 'breaching',
      label: 'Below SLO, 30 days',
    });
    expect(sloVerdict(0, 0, 99.9)).toMatchObject({ status: 'no-data', pct: null });
    expect(environmentSloVerdict(production).status).toBe('meeting');
  });

  test('the uptime table says it once: no shorter window reads "below SLO" beside it', () => {
    const html = renderToStaticMarkup(createElement(UptimeTable, { rows: [production], now }));
    expect(html).toContain('Meeting SLO, 30 days');
    expect(html).toContain('99.65\u00a0%');
    expect(html).not.toMatch(/below SLO/i);
  });

  test('the overview colours the 30-day figure by the same verdict', () => {
    const breaching = {
      ...production,
      windows: { ...production.windows, '30d': windowUptime(8600, 8640, 99.9) },
    };
    const meeting = renderToStaticMarkup(createElement(UptimeGlance, { rows: [production] }));
    const below = renderToStaticMarkup(createElement(UptimeGlance, { rows: [breaching] }));
    expect(meeting).not.toContain('text-red-700');
    expect(meeting).toContain('title="Meeting SLO, 30 days"');
    expect(below).toContain('text-red-700');
    expect(below).toContain('Below SLO, 30 days');
    expect(meeting).toContain('181\u00a0ms');
  });
});
