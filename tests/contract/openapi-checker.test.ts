import { describe, expect, it } from 'vitest';
import type { Exchange } from './support/exchanges';
import { describeDeparture, OpenApiContract } from './support/openapi';

/** The checker itself, on a small document, so a silent checker cannot pass the contract tests. */

const document = () => ({
  openapi: '3.0.3',
  paths: {
    '/items/{id}': {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      get: {
        parameters: [
          { name: 'state', in: 'query', schema: { type: 'string', enum: ['open', 'all'] } },
          { name: 'limit', in: 'query', schema: { type: 'integer', maximum: 100 } },
          { $ref: '#/components/parameters/since' },
        ],
        responses: {
          200: {
            description: 'ok',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/item' } } },
          },
          404: { $ref: '#/components/responses/missing' },
        },
      },
      patch: {
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['name'],
                properties: { name: { type: 'string' } },
              },
            },
          },
        },
        responses: { 204: { description: 'changed' } },
      },
    },
  },
  components: {
    parameters: {
      since: {
        name: 'since',
        in: 'query',
        required: true,
        schema: { type: 'string', format: 'date-time' },
      },
    },
    responses: {
      missing: {
        description: 'gone',
        content: { 'application/json': { schema: { type: 'object', required: ['message'] } } },
      },
    },
    schemas: {
      item: {
        type: 'object',
        required: ['id', 'closed_at', 'owner'],
        properties: {
          id: { type: 'integer' },
          closed_at: { type: 'string', format: 'date-time', nullable: true },
          owner: { nullable: true, allOf: [{ $ref: '#/components/schemas/owner' }] },
          size: { type: ['integer', 'null'] },
        },
      },
      owner: {
        type: 'object',
        required: ['url'],
        properties: { url: { type: 'string', format: 'uri' } },
      },
    },
  },
});

function exchange(
  method: string,
  url: string,
  status: number,
  body?: unknown,
  requestBody?: unknown,
): Exchange {
  return {
    request: { method, url: new URL(url, 'http://api.test'), headers: {}, body: requestBody },
    response: { status, headers: {}, body },
  };
}

const SINCE = 'since=2026-01-01T00:00:00Z';

describe('OpenApiContract', () => {
  const contract = new OpenApiContract(document());
  const check = (e: Exchange) => contract.check(e).map(describeDeparture);

  it('passes an exchange as documented, with 3.0 nullable and 3.1 null types', () => {
    const body = { id: 1, closed_at: null, owner: null, size: null };
    expect(check(exchange('GET', `/items/a?state=open&limit=5&${SINCE}`, 200, body))).toEqual([]);
    const owned = { id: 1, closed_at: '2026-01-01T00:00:00Z', owner: { url: 'https://x.test/u' } };
    expect(check(exchange('GET', `/items/a?${SINCE}`, 200, owned))).toEqual([]);
  });

  it('names the operation, the place and the fault of each departure in an answer', () => {
    const body = { closed_at: 'yesterday', owner: { url: 'not a uri' }, size: 1.5 };
    expect(check(exchange('GET', `/items/a?${SINCE}`, 200, body))).toEqual([
      "GET /items/{id} response 200: must have required property 'id'",
      'GET /items/{id} response 200/closed_at: must match format "date-time"',
      'GET /items/{id} response 200/owner/url: must match format "uri"',
      'GET /items/{id} response 200/owner: must be null',
      'GET /items/{id} response 200/owner: must match a schema in anyOf',
      'GET /items/{id} response 200/size: must be integer,null',
    ]);
    expect(check(exchange('GET', `/items/a?${SINCE}`, 404, {}))).toEqual([
      "GET /items/{id} response 404: must have required property 'message'",
    ]);
    expect(check(exchange('GET', `/items/a?${SINCE}`, 500, {}))).toEqual([
      'GET /items/{id} response 500: the status is not documented',
    ]);
  });

  it('checks query names and values, and required parameters', () => {
    expect(
      check(exchange('GET', '/items/a?state=closed&limit=500&page=2', 404, { message: 'x' })),
    ).toEqual([
      'GET /items/{id} query.state: must be equal to one of the allowed values (["open","all"])',
      'GET /items/{id} query.limit: must be <= 100',
      'GET /items/{id} query.page: is not a documented parameter',
      'GET /items/{id} query.since: is required but missing',
    ]);
  });

  it('checks JSON request bodies and empty answers', () => {
    expect(check(exchange('PATCH', '/items/a', 204, undefined, { name: 'x' }))).toEqual([]);
    expect(check(exchange('PATCH', '/items/a', 204, { extra: true }, { title: 'x' }))).toEqual([
      "PATCH /items/{id} request: must have required property 'name'",
      'PATCH /items/{id} response 204: a body was sent where none is documented',
    ]);
    expect(check(exchange('PATCH', '/items/a', 204))).toEqual([
      'PATCH /items/{id} request: a body is required but none was sent',
    ]);
  });

  it('says when a request matches no documented operation', () => {
    expect(check(exchange('DELETE', '/items/a', 204))).toEqual([
      'DELETE /items/a path: no documented operation',
    ]);
  });
});
