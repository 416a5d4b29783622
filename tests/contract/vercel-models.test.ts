import { describe, expect, it } from 'vitest';
import { focusRow } from '@/tests/fixtures/focus-rows';
import type { Exchange } from './support/exchanges';
import { checkVercelExchange } from './support/vercel-models';

// The check itself: each kind of departure a sandbox (or a client) could make is caught and
// named, so a passing contract test means something.

function exchange(
  call: string,
  response: Partial<Exchange['response']> = {},
  body?: unknown,
): Exchange {
  const [method, path] = call.split(' ') as [string, string];
  return {
    request: { method, url: new URL(`https://api.vercel.com${path}`), headers: {}, body },
    response: { status: 200, headers: {}, body: undefined, ...response },
  };
}

function listItem(overrides: Record<string, unknown> = {}) {
  return {
    uid: 'dpl_1',
    name: 'storefront',
    url: 'storefront-abc.vercel.app',
    created: 1,
    createdAt: 1,
    creator: { uid: 'usr_1' },
    inspectorUrl: null,
    projectId: 'prj_1',
    readyState: 'READY',
    type: 'LAMBDAS',
    ...overrides,
  };
}

const list = (...deployments: unknown[]) =>
  exchange('GET /v7/deployments?projectId=prj_1', {
    body: { deployments, pagination: { count: deployments.length, next: null, prev: null } },
  });

const messages = (found: ReturnType<typeof checkVercelExchange>) =>
  found.map(({ path, message }) => `${path}: ${message}`);

describe('checking a Vercel exchange against @vercel/sdk’s models', () => {
  it('accepts a list item with exactly the required fields', () => {
    expect(checkVercelExchange(list(listItem()))).toEqual([]);
  });

  it('names a required field that is missing, though the SDK itself would default it', () => {
    const { creator: _creator, ...withoutCreator } = listItem();
    const { url: _url, ...withoutUrl } = listItem();
    expect(messages(checkVercelExchange(list(withoutCreator, withoutUrl)))).toEqual([
      'response.deployments[0].creator: required, but missing',
      'response.deployments[1].url: required, but missing',
    ]);
  });

  it('names an enum value the model does not list, a number sent as a string, and null for an optional field', () => {
    const found = checkVercelExchange(
      list(listItem({ readyState: 'DONE', created: '1', meta: null })),
    );
    expect(messages(found)).toEqual([
      expect.stringMatching(/^response\.deployments\[0\]\.created: "1": /),
      'response.deployments[0].meta: null, which the model does not allow',
      expect.stringMatching(/^response\.deployments\[0\]\.readyState: "DONE": .*READY/),
    ]);
  });

  it('names a field the model does not have', () => {
    expect(messages(checkVercelExchange(list(listItem({ deploymentUrl: 'x' }))))).toEqual([
      'response.deployments[0].deploymentUrl: not in the model',
    ]);
  });

  it('checks a smart union the walk cannot open by the SDK’s own count of coercions', () => {
    const created = { key: 'K', type: 'encrypted', target: ['preview'] };
    const answer = (body: unknown) =>
      exchange(
        'POST /v10/projects/prj_1/env?upsert=true',
        { status: 201, body },
        { key: 'K', value: 'v', type: 'encrypted', target: ['preview'] },
      );
    expect(
      checkVercelExchange(answer({ created: { ...created, value: 'x' }, failed: [] })),
    ).toEqual([]);
    expect(messages(checkVercelExchange(answer({ created, failed: [] })))).toEqual([
      expect.stringMatching(/^response\.created: .*only after the SDK coerces it/),
    ]);
  });

  it('checks the query: unknown names, path parameters sent again, values of the wrong type', () => {
    const found = checkVercelExchange(
      exchange('GET /v7/deployments?projectId=prj_1&limit=many&pageSize=2', {
        body: { deployments: [], pagination: { count: 0, next: null, prev: null } },
      }),
    );
    expect(messages(found)).toEqual([
      'query.limit: "many" is not a number',
      'query.pageSize: not a query parameter',
    ]);
  });

  it('checks a request body against the SDK’s request model', () => {
    const found = checkVercelExchange(
      exchange(
        'POST /v10/projects/prj_1/env?upsert=true',
        { status: 201, body: { failed: [] } },
        { key: 'K', value: 'v', type: 'secretish', target: ['preview'] },
      ),
    );
    expect(messages(found)).toEqual([expect.stringMatching(/^body\.type: "secretish"/)]);
  });

  it('requires Vercel’s error shape and, on a 429, its rate-limit headers', () => {
    const found = checkVercelExchange(
      exchange('GET /v9/projects/prj_1', { status: 429, body: { message: 'slow down' } }),
    );
    expect(messages(found)).toEqual([
      'response.error: required, but missing',
      'response.message: not in the model',
      'response.headers.x-ratelimit-limit: required, but missing',
      'response.headers.x-ratelimit-remaining: required, but missing',
      'response.headers.x-ratelimit-reset: required, but missing',
    ]);
  });

  it('refuses an undocumented status and an unknown call', () => {
    expect(messages(checkVercelExchange(exchange('POST /v10/projects/p/promote/d')))).toEqual([
      'response.status: 200 is not a documented answer',
    ]);
    expect(messages(checkVercelExchange(exchange('GET /v2/teams')))).toEqual([
      'call: no such Vercel operation',
    ]);
  });

  it('checks each FOCUS row of the billing charges', () => {
    const { ServiceProviderName: _name, ...row } = focusRow();
    const body = [JSON.stringify(focusRow()), JSON.stringify(row)].join('\n');
    const found = checkVercelExchange(
      exchange('GET /v1/billing/charges?from=2026-11-01T00:00:00Z&to=2026-11-02T00:00:00Z', {
        body,
      }),
    );
    expect(messages(found)).toEqual(['response.line 2.ServiceProviderName: required, but missing']);
  });
});
