import { z } from 'zod';
import { decodeCursor, pageLimitSchema } from '@/lib/paging';

/** A filter from a GET form: an empty field means "no filter", not an invalid value. */
export function optionalParam<Schema extends z.ZodType>(schema: Schema) {
  return z.preprocess((value) => (value === '' ? undefined : value), schema.optional());
}

export const optionalText = optionalParam(z.string().trim().min(1).max(200));

/** An opaque cursor made by encodeCursor; anything else is a 400, not a 500. */
export const cursorParam = optionalParam(z.string().max(500)).transform((value, context) => {
  try {
    return decodeCursor(value);
  } catch {
    context.addIssue({ code: 'custom', message: 'Not a cursor this API issued.' });
    return z.NEVER;
  }
});

export const pageParams = { cursor: cursorParam, limit: pageLimitSchema };

export type SearchParams = Record<string, string | string[] | undefined>;

/**
 * Pages parse their URL leniently: a parameter that does not parse (a stale bookmark, a hand
 * edit) is dropped rather than failing the page.
 */
export function parseSearchParams<Schema extends z.ZodType>(
  schema: Schema,
  searchParams: SearchParams,
): z.output<Schema> {
  const input: Record<string, unknown> = { ...searchParams };
  const first = schema.safeParse(input);
  if (first.success) return first.data;
  for (const issue of first.error.issues) {
    const key = issue.path[0];
    if (typeof key === 'string') delete input[key];
  }
  const second = schema.safeParse(input);
  return second.success ? second.data : schema.parse({});
}
