import { type ComponentProps, createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import { OperationBanner } from '@/components/operations/operation-banner';
import { OperationDialog } from '@/components/operations/operation-dialog';
import { mayDeletePreview } from '@/lib/domain/preview-permissions';

const now = new Date(Date.UTC(2026, 2, 1, 12));

describe('OperationBanner', () => {
  test('says once which operation holds the environment, with its step', () => {
    const html = renderToStaticMarkup(
      createElement(OperationBanner, {
        held: [
          {
            id: 12,
            kind: 'reseed',
            state: 'running',
            step: 'neon-reset',
            actorLogin: 'alice',
            environmentName: 'PR #1292',
            requestedAt: new Date(now.getTime() - 60_000),
          },
        ],
        now,
      }),
    );
    expect(html).toContain('Reseed of PR #1292');
    expect(html).toContain('step neon-reset');
    expect(html).toContain('started by alice');
    expect(html.match(/data-testid="operation-banner-item"/g)).toHaveLength(1);
  });

  test('renders nothing when no operation holds the page’s environments', () => {
    expect(renderToStaticMarkup(createElement(OperationBanner, { held: [], now }))).toBe('');
  });
});

describe('a button another operation blocks', () => {
  test('carries the short reason as its tooltip, and no sentence beside it', () => {
    const blocked: ComponentProps<typeof OperationDialog> = {
      label: 'Reseed database',
      title: 'Reseed',
      availability: {
        allowed: false,
        reason: 'operation #12 (reseed by alice) is running on PR #1292',
        brief: 'Reseed in progress',
      },
      action: async () => ({ ok: false as const, error: { code: 'x', message: 'x' } }),
      fields: {},
      submitLabel: 'Reset and reseed',
      children: 'What a reseed does',
    };
    const html = renderToStaticMarkup(createElement(() => OperationDialog(blocked)));
    expect(html).toContain('title="Reseed in progress"');
    expect(html).not.toContain('Unavailable');
    expect(html).not.toContain('operation #12');
  });
});

describe('mayDeletePreview', () => {
  test('a developer only on their own pull request; release managers and admins on any', () => {
    expect(mayDeletePreview({ role: 'developer', login: 'alice' }, 'Alice')).toBe(true);
    expect(mayDeletePreview({ role: 'developer', login: 'alice' }, 'bob')).toBe(false);
    expect(mayDeletePreview({ role: 'viewer', login: 'bob' }, 'bob')).toBe(false);
    expect(mayDeletePreview({ role: 'release_manager', login: 'carol' }, 'bob')).toBe(true);
    expect(mayDeletePreview({ role: 'admin', login: 'dan' }, null)).toBe(true);
  });
});
