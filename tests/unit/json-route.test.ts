import { describe, expect, test, vi } from 'vitest';
import { z } from 'zod';
import { HttpError, jsonRoute, queryObject } from '@/lib/http/json-route';
import { cursorParam, parseSearchParams } from '@/lib/http/query-params';
import { deploymentsQuerySchema } from '@/lib/filters/deployments';
import { encodeCursor } from '@/lib/paging';

const get = (url: string) => new Request(`http://localhost${url}`);

describe('jsonRoute', () => {
  const route = jsonRoute(z.object({ n: z.coerce.number().int() }), async ({ query }) => {
    if (query.n === 404) throw new HttpError(404, 'not_found', 'No such thing.');
    if (query.n === 500) throw new Error('connection reset by peer at 10.0.0.3');
    return { doubled: query.n * 2 };
  });

  test('answers with the handler result as JSON that is not cached', async () => {
    const response = await route(get('/x?n=21'));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ doubled: 42 });
  });

  test('refuses a query string that does not parse with 400 and the issues', async () => {
    const response = await route(get('/x?n=abc'));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe('invalid_query');
    expect(body.error.issues[0].path).toBe('n');
  });

  test('passes an HttpError through with its status and code', async () => {
    const response = await route(get('/x?n=404'));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: 'not_found', message: 'No such thing.' },
    });
  });

  test('hides unexpected errors behind a generic 500 and logs the detail', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = await route(get('/x?n=500'));
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain('10.0.0.3');
    expect(log).toHaveBeenCalled();
    log.mockRestore();
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
      limit: 50,
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
    ).toEqual({ author: 'bob', limit: 50 });
  });
});
