import { describe, expect, it } from 'vitest';
import { deliveryBody } from '@/components/admin/delivery-detail';
import { visibleNavItems } from '@/components/shell/visible-nav-items';

const labels = (role: Parameters<typeof visibleNavItems>[0]) =>
  visibleNavItems(role).map((item) => item.label);

describe('visibleNavItems', () => {
  it('shows Deliveries, Cleanup and API tokens to admins only and Sync status from release managers up', () => {
    expect(labels('admin')).toEqual(
      expect.arrayContaining(['Sync status', 'Deliveries', 'Cleanup', 'API tokens']),
    );
    expect(labels('release_manager')).not.toContain('API tokens');
    expect(labels('release_manager')).toContain('Sync status');
    expect(labels('release_manager')).not.toContain('Deliveries');
    expect(labels('release_manager')).not.toContain('Cleanup');
    for (const role of ['viewer', 'developer'] as const) {
      expect(labels(role)).not.toContain('Sync status');
      expect(labels(role)).not.toContain('Deliveries');
      expect(labels(role)).not.toContain('Cleanup');
      expect(labels(role)).toContain('Overview');
    }
  });
});

describe('deliveryBody', () => {
  it('indents a parsed payload', () => {
    expect(deliveryBody({ payload: { action: 'opened', number: 7 }, rawBody: null })).toEqual({
      label: 'Payload',
      text: '{\n  "action": "opened",\n  "number": 7\n}',
    });
  });

  it('shows the raw text of a body that never parsed', () => {
    expect(deliveryBody({ payload: null, rawBody: '{"ref": ' })).toEqual({
      label: 'Raw body (not parsed)',
      text: '{"ref": ',
    });
  });
});
