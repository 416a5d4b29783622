import { describe, expect, it } from 'vitest';
import { parseFocusJsonl } from '@/lib/providers/vercel/billing';
import { focusRow } from '@/tests/fixtures/focus-rows';

const jsonl = (...rows: unknown[]) =>
  rows.map((row) => (typeof row === 'string' ? row : JSON.stringify(row))).join('\n');

/**
 * The example row of Vercel's published model of a billing charge: `ListBillingChargesResponseBody`
 * in github.com/vercel/sdk, docs/models/listbillingchargesresponsebody.md (SDK 1.21.9), with the
 * wire names of src/models/listbillingchargesop.ts (FOCUS's PascalCase). Its `<value>`
 * placeholders are filled with the kind of value each column holds.
 */
const publishedExample = {
  BilledCost: 5918.14,
  BillingCurrency: 'USD',
  ChargeCategory: 'Adjustment',
  ChargePeriodStart: '2026-11-01T00:00:00.000Z',
  ChargePeriodEnd: '2026-11-02T00:00:00.000Z',
  ConsumedQuantity: 8630.21,
  ConsumedUnit: 'GB',
  EffectiveCost: 2250.61,
  ServiceName: 'Fast Data Transfer',
  ServiceProviderName: 'Vercel',
  Tags: { key: 'value', key1: 'value1', key2: 'value2' },
  PricingCategory: 'Dynamic',
  PricingCurrency: 'USD',
  PricingQuantity: 1765.41,
  PricingUnit: 'GB',
};

describe("reading Vercel's billing charges (FOCUS JSONL)", () => {
  it('reads the columns envboard uses from a row shaped like Vercel’s published example', () => {
    const { charges, unreadable } = parseFocusJsonl(jsonl(publishedExample));
    expect(unreadable).toEqual([]);
    expect(charges).toEqual([
      {
        service: 'Fast Data Transfer',
        periodStart: '2026-11-01T00:00:00.000Z',
        periodEnd: '2026-11-02T00:00:00.000Z',
        billedCostUsd: 5918.14,
        effectiveCostUsd: 2250.61,
        quantity: 8630.21,
        unit: 'GB',
        tags: { key: 'value', key1: 'value1', key2: 'value2' },
      },
    ]);
  });

  it('reads a charge without a consumed quantity (a purchase or a credit) as null', () => {
    const credit = focusRow({
      ChargeCategory: 'Credit',
      BilledCost: -5,
      EffectiveCost: -5,
      ConsumedQuantity: null,
      ConsumedUnit: null,
    });
    expect(parseFocusJsonl(jsonl(credit)).charges[0]).toMatchObject({
      billedCostUsd: -5,
      quantity: null,
      unit: null,
    });
  });

  it('reads costs sent as decimal strings, and rows without tags, as the columns allow', () => {
    const { Tags: _tags, ...untagged } = focusRow({ BilledCost: '0.125', EffectiveCost: '0.1' });
    expect(parseFocusJsonl(jsonl(untagged)).charges[0]).toMatchObject({
      billedCostUsd: 0.125,
      effectiveCostUsd: 0.1,
      tags: {},
    });
  });

  it('names a row it cannot read by its line and still reads the others', () => {
    const { BilledCost: _cost, ...withoutCost } = focusRow();
    const text = jsonl(focusRow(), withoutCost, '{not json', '', focusRow({ BilledCost: 3 }));
    const { charges, unreadable } = parseFocusJsonl(text);
    expect(charges.map((charge) => charge.billedCostUsd)).toEqual([1.8, 3]);
    expect(unreadable).toEqual([
      { id: 'line 2', reason: expect.stringMatching(/^BilledCost: /) },
      { id: 'line 3', reason: 'not JSON' },
    ]);
  });
});
