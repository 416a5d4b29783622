import { NextRequest } from 'next/server';
import { describe, expect, test } from 'vitest';
import nextConfig from '@/next.config';
import { proxy } from '@/proxy';
import { contentSecurityPolicy, createNonce } from '@/lib/http/content-security-policy';

const directive = (policy: string, name: string) =>
  policy
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${name} `));

describe('the Content-Security-Policy', () => {
  test('in production, scripts need the nonce: no inline scripts, no eval', () => {
    const scripts = directive(contentSecurityPolicy('abc123'), 'script-src');
    expect(scripts).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(contentSecurityPolicy('abc123')).toContain("object-src 'none'");
    expect(contentSecurityPolicy('abc123')).toContain("frame-ancestors 'none'");
  });

  test('next dev may also evaluate code, still with no inline scripts', () => {
    expect(directive(contentSecurityPolicy('n', { development: true }), 'script-src')).toBe(
      "script-src 'self' 'nonce-n' 'strict-dynamic' 'unsafe-eval'",
    );
  });

  test('each nonce is new and 128 bits long', () => {
    const nonces = new Set(Array.from({ length: 50 }, createNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(atob(nonce)).toHaveLength(16);
  });
});

describe('proxy.ts sets it on every answer', () => {
  const nonceOf = (policy: string | null) => /'nonce-([^']+)'/.exec(policy ?? '')?.[1];

  test('a public page: the browser and Next.js get the same fresh nonce', async () => {
    const first = await proxy(new NextRequest('http://localhost:3000/signin'));
    const second = await proxy(new NextRequest('http://localhost:3000/signin'));
    const policy = first.headers.get('content-security-policy');
    expect(nonceOf(policy)).toBeTruthy();
    // NextResponse.next({ request: { headers } }) hands the page's request this header.
    expect(first.headers.get('x-middleware-request-content-security-policy')).toBe(policy);
    expect(nonceOf(second.headers.get('content-security-policy'))).not.toBe(nonceOf(policy));
  });

  test('a page that sends a signed-out visitor to sign in, and an API 401', async () => {
    const page = await proxy(new NextRequest('http://localhost:3000/previews'));
    expect(page.status).toBe(307);
    expect(nonceOf(page.headers.get('content-security-policy'))).toBeTruthy();
    const api = await proxy(new NextRequest('http://localhost:3000/api/v1/previews'));
    expect(api.status).toBe(401);
    expect(nonceOf(api.headers.get('content-security-policy'))).toBeTruthy();
  });

  test('next.config.ts no longer sets a fixed policy (with unsafe-inline) over it', async () => {
    const rules = (await nextConfig.headers!()).flatMap((rule) => rule.headers);
    expect(rules.map(({ key }) => key.toLowerCase())).not.toContain('content-security-policy');
    expect(rules.map(({ key }) => key)).toContain('X-Frame-Options');
  });
});
