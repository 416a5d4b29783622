import { z } from 'zod';

/**
 * The largest id a table's `integer` identity column holds (PostgreSQL's int4). An id beyond it
 * cannot name a row, so it is refused as not found instead of reaching a query that would fail
 * with "out of range for type integer".
 */
export const MAX_ROW_ID = 2_147_483_647;

/**
 * A row id from a URL, a form or a JSON body: a number, or its plain decimal digits. Other
 * spellings that JavaScript would also read as a number ("0x1", "1e3", "1.0", " 7", "007") are not an
 * id, so `/tests/runs/0x1` is not run #1.
 */
export const rowIdSchema = z
  .union([
    z.number(),
    z
      .string()
      .regex(/^[1-9]\d{0,15}$/, 'must be a whole number')
      .transform(Number),
  ])
  .pipe(z.number().int().positive().max(MAX_ROW_ID));

/** A URL segment as a row id, or undefined when no row can have it: the caller answers 404. */
export function parseRowId(segment: string): number | undefined {
  const parsed = rowIdSchema.safeParse(segment);
  return parsed.success ? parsed.data : undefined;
}
