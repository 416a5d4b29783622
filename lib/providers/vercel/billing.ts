import { z } from 'zod';
import { ProviderError } from '../errors';

/**
 * Vercel's billing charges arrive as FOCUS v1.3 rows, one JSON object per line
 * (https://vercel.com/docs/rest-api/reference/endpoints/billing/list-focus-billing-charges).
 * Costs may be sent as numbers or decimal strings; both are read as numbers of USD.
 */
const amount = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/)]).transform(Number);

const focusRowSchema = z.object({
  BilledCost: amount,
  EffectiveCost: amount,
  ChargePeriodStart: z.string(),
  ChargePeriodEnd: z.string(),
  ServiceName: z.string(),
  ConsumedQuantity: amount.nullable().optional(),
  ConsumedUnit: z.string().nullable().optional(),
  Tags: z.record(z.string(), z.string()).nullable().optional(),
});

export interface VercelCharge {
  service: string;
  periodStart: string;
  periodEnd: string;
  billedCostUsd: number;
  effectiveCostUsd: number;
  quantity: number | null;
  unit: string | null;
  tags: Record<string, string>;
}

export function parseFocusJsonl(text: string, operation: string): VercelCharge[] {
  const charges: VercelCharge[] = [];
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch {
      throw badLine(operation, index, 'not JSON');
    }
    const parsed = focusRowSchema.safeParse(row);
    if (!parsed.success) throw badLine(operation, index, parsed.error.issues[0]?.message ?? '');
    const charge = parsed.data;
    charges.push({
      service: charge.ServiceName,
      periodStart: charge.ChargePeriodStart,
      periodEnd: charge.ChargePeriodEnd,
      billedCostUsd: charge.BilledCost,
      effectiveCostUsd: charge.EffectiveCost,
      quantity: charge.ConsumedQuantity ?? null,
      unit: charge.ConsumedUnit ?? null,
      tags: charge.Tags ?? {},
    });
  }
  return charges;
}

function badLine(operation: string, index: number, why: string): ProviderError {
  return new ProviderError({
    provider: 'vercel',
    operation,
    retryable: false,
    message: `unexpected FOCUS row on line ${index + 1} (${why})`,
  });
}
