import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import { DeliveriesTable } from '@/components/admin/deliveries-table';
import type { DeliveryListItem } from '@/db/queries/webhook-deliveries';
import { deliveryFiltersSchema } from '@/lib/filters/webhook-deliveries';

const now = new Date(Date.UTC(2026, 2, 1, 12));

describe('a stale Vercel delivery on the Deliveries page', () => {
  test('the outcome filter offers stale', () => {
    expect(deliveryFiltersSchema.parse({ status: 'stale' })).toMatchObject({ status: 'stale' });
  });

  test('its row reads stale, in the warning tone, with the reason', () => {
    const row = {
      id: 7,
      provider: 'vercel',
      event: 'deployment.promoted',
      action: null,
      deliveryId: 'evt_stale',
      status: 'stale',
      attempts: 1,
      error: 'created 90 minutes before it was received (over an hour): the Vercel sync covers it',
      receivedAt: now,
      nextAttemptAt: null,
    } as unknown as DeliveryListItem;
    const html = renderToStaticMarkup(
      createElement(DeliveriesTable, { rows: [row], now, filtered: false }),
    );
    expect(html).toContain('<span class="badge badge-warning" data-status="stale">Stale</span>');
    expect(html).toContain('the Vercel sync covers it');
  });
});

describe('a delivery ignored on purpose on the Deliveries page', () => {
  const row = (status: 'ignored' | 'failed', error: string) =>
    ({
      id: 8,
      provider: 'github',
      event: 'issues',
      action: 'opened',
      deliveryId: `d-${status}`,
      status,
      attempts: 1,
      error,
      receivedAt: now,
      nextAttemptAt: null,
    }) as unknown as DeliveryListItem;
  const render = (item: DeliveryListItem) =>
    renderToStaticMarkup(createElement(DeliveriesTable, { rows: [item], now, filtered: false }));

  test('reads Ignored in a neutral colour, with its reason, nothing red', () => {
    const html = render(row('ignored', 'issues events are not used'));
    expect(html).toContain(
      '<span class="badge badge-neutral" data-status="ignored">Ignored</span>',
    );
    expect(html).toContain('issues events are not used');
    expect(html).not.toContain('text-red-700');
  });

  test('keeps red for a failure', () => {
    const html = render(row('failed', 'database unavailable'));
    expect(html).toMatch(/text-red-700[^>]*>database unavailable/);
  });
});
