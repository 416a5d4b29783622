import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import { costsDescription } from '@/components/costs/labels';
import { ProviderCostTable } from '@/components/costs/cost-tables';
import { costMetricLabel, providersWithLines } from '@/lib/domain/cost-labels';
import { quantity } from '@/lib/format';

describe('the costs page’s labels', () => {
  test('the subtitle names only the providers that have lines', () => {
    const providers = providersWithLines([
      { vercel: 1.2, neon: 0, github: 0, monitoring: 0 },
      { neon: 0.4 },
      { monitoring: 0.1 },
    ]);
    expect(providers).toEqual(['vercel', 'neon', 'monitoring']);
    expect(costsDescription(providers)).toBe(
      'Vercel, Neon and monitoring spend against the monthly budget, in USD.',
    );
    expect(costsDescription(['github'])).toBe(
      'GitHub Actions spend against the monthly budget, in USD.',
    );
    expect(costsDescription([])).toMatch(/no cost lines yet/);
  });

  test('metric names read as words, units with their plural', () => {
    expect(costMetricLabel('build_minutes')).toBe('Build minutes');
    expect(costMetricLabel('compute_hours')).toBe('Compute hours');
    expect(costMetricLabel('image_optimization_source_images')).toBe(
      'Image optimization source images',
    );
    expect(quantity(56.94, 'minute')).toBe('56.94\u00a0minutes');
    expect(quantity(65.451, 'CU-hour')).toBe('65.45\u00a0CU-hours');
    expect(quantity(1, 'seat-month')).toBe('1\u00a0seat-month');
    expect(quantity(9.36, 'GB')).toBe('9.36\u00a0GB');
  });

  test('the provider table shows no raw metric key', () => {
    const html = renderToStaticMarkup(
      createElement(ProviderCostTable, {
        metrics: [
          {
            provider: 'vercel',
            metric: 'build_minutes',
            unit: 'minute',
            quantity: 56.9,
            amountUsd: 1.59,
          },
          {
            provider: 'neon',
            metric: 'compute_hours',
            unit: 'CU-hour',
            quantity: 65.45,
            amountUsd: 6.94,
          },
        ],
        total: 8.53,
      }),
    );
    expect(html).toContain('Build minutes');
    expect(html).toContain('65.45\u00a0CU-hours');
    expect(html).not.toMatch(/build_minutes|compute_hours/);
  });
});
