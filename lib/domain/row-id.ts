import { z } from 'zod';

/**
 * The largest id a table's `integer` identity column holds (PostgreSQL's int4). An id beyond it
 * cannot name a row, so it is refused as not found instead of reaching a query that would fail
 * with "out of range for type integer".
 */
export const MAX_ROW_ID = 2_147_483_647;

/** A row id from a URL, a form or a JSON body. */
export const rowIdSchema = z.coerce.number().int().positive().max(MAX_ROW_ID);
