import { z } from 'zod';
import type { UnreadableItem } from './schemas';

/**
 * Vercel's billing charges arrive as FOCUS v1.3 rows, one JSON object per line
 * (https://vercel.com/docs/rest-api/reference/endpoints/billing/list-focus-billing-charges).
 * Costs may be sent as numbers or decimal strings; both are read as numbers of USD. The columns
 * read, and their source, are listed in docs/vercel-billing.md.
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

export interface VercelChargeList {
  charges: VercelCharge[];
  /** Rows that could not be read, by line number (`line 3`), left out of `charges`. */
  unreadable: UnreadableItem[];
}

/** Each line on its own: a row that cannot be read is named, and the others still count. */
export function parseFocusJsonl(text: string): VercelChargeList {
  const charges: VercelCharge[] = [];
  const unreadable: UnreadableItem[] = [];
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    const read = readRow(line);
    if (typeof read === 'string') {
      unreadable.push({ id: `line ${index + 1}`, reason: read });
      continue;
    }
    const charge = read;
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
  return { charges, unreadable };
}

/** The row, or why it is not one. */
function readRow(line: string): z.output<typeof focusRowSchema> | string {
  let row: unknown;
  try {
    row = JSON.parse(line);
  } catch {
    return 'not JSON';
  }
  const parsed = focusRowSchema.safeParse(row);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return issue ? `${issue.path.join('.') || 'row'}: ${issue.message}` : 'not a FOCUS row';
}
