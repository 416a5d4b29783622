import { z } from 'zod';
import type { IgnoredParam, SearchParams } from '@/lib/domain/search-params';
import { type Cursor, decodeCursor, pageLimitSchema } from '@/lib/paging';

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
  const first = schema.safeParse(input);
  if (first.success) return { values: first.data, ignored: [] };
  const ignored: IgnoredParam[] = [];
  for (const issue of first.error.issues) {
    const key = issue.path[0];
    if (typeof key !== 'string' || !(key in input)) continue;
    ignored.push({ name: key, value: paramText(searchParams[key]) });
    delete input[key];
  }
  const second = schema.safeParse(input);
  return second.success
    ? { values: second.data, ignored }
    : { values: schema.parse({}), ignored: Object.keys(searchParams).map(asIgnored(searchParams)) };
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

function asIgnored(searchParams: SearchParams) {
  return (name: string): IgnoredParam => ({ name, value: paramText(searchParams[name]) });
}
