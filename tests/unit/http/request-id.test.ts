import { NextRequest } from 'next/server';
import { describe, expect, test } from 'vitest';
import { REQUEST_ID_HEADER } from '@/lib/http/request-id';
import { proxy } from '@/proxy';

describe('proxy.ts names every request', () => {
  test('the answer and the page get the same fresh id, whatever the client sent', async () => {
    const request = new NextRequest('http://localhost:3000/signin', {
      headers: { [REQUEST_ID_HEADER]: 'chosen-by-the-client' },
    });
    const first = await proxy(request);
    const second = await proxy(new NextRequest('http://localhost:3000/signin'));
    const id = first.headers.get(REQUEST_ID_HEADER);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    // NextResponse.next({ request: { headers } }) hands the page's request this header.
    expect(first.headers.get(`x-middleware-request-${REQUEST_ID_HEADER}`)).toBe(id);
    expect(second.headers.get(REQUEST_ID_HEADER)).not.toBe(id);
  });

  test('a redirect to sign in and an API 401 carry one too', async () => {
    const page = await proxy(new NextRequest('http://localhost:3000/previews'));
    expect(page.status).toBe(307);
    expect(page.headers.get(REQUEST_ID_HEADER)).toMatch(/^[0-9a-f-]{36}$/);
    const api = await proxy(new NextRequest('http://localhost:3000/api/v1/previews'));
    expect(api.status).toBe(401);
    expect(api.headers.get(REQUEST_ID_HEADER)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
