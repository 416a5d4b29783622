import { z } from 'zod';
import type { IgnoredParam, SearchParams } from '@/lib/domain/search-params';
import { type Cursor, decodeCursor, pageLimitSchema } from '@/lib/paging';

/** A filter from a GET form: an empty field means "no filter", not an invalid value. */
export function optionalParam<Schema extends z.ZodType>(schema: Schema) {
  return z.preprocess((value) => (value === '' ? undefined : value), schema.optional());
}

/**
 * A control character: no name (a branch, an author, a slug) holds one, and PostgreSQL refuses a
 * NUL byte in any text value with an error instead of no match.
 */
export const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/** Free text for a filter (a branch, an author), control characters refused. */
export const optionalText = optionalParam(
  z
    .string()
    .trim()
    .min(1)
    .max(200)
    .refine((text) => !CONTROL_CHARACTER.test(text), 'must not contain control characters'),
);

/** An opaque cursor made by encodeCursor; anything else is a 400, not a 500. */
export const cursorParam = optionalParam(z.string().max(500)).transform((value, context) => {
  try {
    return decodeCursor(value);
  } catch {
    context.addIssue({ code: 'custom', message: 'Not a cursor this API issued.' });
    return z.NEVER;
  }
});

/** A cursor of a list sorted by time (most are), or of one sorted by a number (a rank, a duration). */
export const timeCursorParam = cursorParam.refine(
  (cursor) => cursor === undefined || typeof cursor[0] === 'string',
  { message: 'Not a cursor of this list.' },
);
export const numberCursorParam = cursorParam.refine(
  (cursor) => cursor === undefined || typeof cursor[0] === 'number',
  { message: 'Not a cursor of this list.' },
);

export const pageParams = { cursor: timeCursorParam, limit: pageLimitSchema };

export interface ParsedPage {
  cursor?: Cursor;
  limit: number;
}

/**
 * Pages parse their URL leniently: a parameter that does not parse (a stale bookmark, a hand
 * edit) is dropped rather than failing the page, and is returned in `ignored` so the page can say
 * so ("Unknown state 'nonsense': showing all") while its controls show what is applied.
 */
export function readSearchParams<Schema extends z.ZodType>(
  schema: Schema,
  searchParams: SearchParams,
): { values: z.output<Schema>; ignored: IgnoredParam[] } {
  const input: Record<string, unknown> = { ...searchParams };
  const ignored: IgnoredParam[] = [];
  // Each pass drops the parameters that failed; a check across parameters (a cursor that must
  // match the sort) runs only once the others parse, so it may fail on a later pass.
  for (;;) {
    const parsed = schema.safeParse(input);
    if (parsed.success) return { values: parsed.data, ignored };
    const failed = new Set(
      parsed.error.issues
        .map((issue) => issue.path[0])
        .filter((key): key is string => typeof key === 'string' && key in input),
    );
    if (failed.size === 0) return { values: schema.parse({}), ignored };
    for (const key of failed) {
      ignored.push({ name: key, value: paramText(searchParams[key]) });
      delete input[key];
    }
  }
}

/** The values only, for a page that has nothing to tell about a parameter it drops. */
export function parseSearchParams<Schema extends z.ZodType>(
  schema: Schema,
  searchParams: SearchParams,
): z.output<Schema> {
  return readSearchParams(schema, searchParams).values;
}

/**
 * Drops the filters whose value is not one the page offers (`?environment=nope`, an author with
 * no deployments): a select cannot show such a value, so applying it would list nothing under a
 * control that reads "All".
 */
export function keepOffered<Values extends Record<string, unknown>>(
  read: { values: Values; ignored: IgnoredParam[] },
  offered: { [Name in keyof Values]?: readonly string[] },
): { values: Values; ignored: IgnoredParam[] } {
  const values = { ...read.values };
  const ignored = [...read.ignored];
  for (const name of Object.keys(offered) as (keyof Values & string)[]) {
    const value = values[name];
    if (typeof value !== 'string' || offered[name]!.includes(value)) continue;
    ignored.push({ name, value });
    delete values[name];
  }
  return { values, ignored };
}

function paramText(value: string | string[] | undefined): string {
  return Array.isArray(value) ? value.join(', ') : (value ?? '');
}
