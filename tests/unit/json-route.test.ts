import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { jsonRoute, queryObject } from '@/lib/http/json-route';
import { cursorParam, parseSearchParams } from '@/lib/http/query-params';
import { deploymentsQuerySchema } from '@/lib/filters/deployments';
import { encodeCursor } from '@/lib/paging';

const get = (url: string) => new Request(`http://localhost${url}`);

describe('jsonRoute', () => {
  const route = jsonRoute(z.object({ n: z.coerce.number().int() }), async ({ query }) => query);

  // Parsing needs no session or database; the steps after it are proven against a real database
  // in tests/integration/auth/json-route-auth.test.ts.
  test('refuses a query string that does not parse with 400 and the issues', async () => {
    const response = await route(get('/x?n=abc'));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe('invalid_query');
    expect(body.error.issues[0].path).toBe('n');
  });
});

describe('query parsing', () => {
  test('a repeated key becomes an array, which a single-value filter refuses', () => {
    expect(queryObject(new URLSearchParams('a=1&b=2&b=3'))).toEqual({ a: '1', b: ['2', '3'] });
    expect(deploymentsQuerySchema.safeParse({ state: ['ready', 'error'] }).success).toBe(false);
  });

  test('empty form fields mean no filter; the limit has a default', () => {
    expect(deploymentsQuerySchema.parse({ state: '', branch: '', author: 'alice' })).toEqual({
      author: 'alice',
      limit: 25,
    });
  });

  test('a cursor is decoded, and a forged one is an issue rather than a crash', () => {
    const cursor = encodeCursor(new Date('2026-03-01T00:00:00Z'), 7);
    expect(cursorParam.parse(cursor)).toEqual(['2026-03-01T00:00:00.000Z', 7]);
    expect(cursorParam.safeParse('not-a-cursor').success).toBe(false);
  });

  test('pages drop the parameters that do not parse and keep the rest', () => {
    expect(
      parseSearchParams(deploymentsQuerySchema, {
        state: 'exploded',
        author: 'bob',
        cursor: 'junk',
      }),
    ).toEqual({ author: 'bob', limit: 25 });
  });
});
