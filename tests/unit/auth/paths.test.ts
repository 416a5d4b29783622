import { describe, expect, test } from 'vitest';
import { isPublicPath, safeCallbackPath } from '@/lib/domain/auth-paths';

describe('isPublicPath', () => {
  test.each([
    ['GET', '/signin'],
    ['GET', '/api/health'],
    ['POST', '/api/auth/callback/demo'],
    ['GET', '/api/auth/session'],
    ['POST', '/api/webhooks/github'],
    ['GET', '/api/cron/github'],
    ['POST', '/api/v1/test-runs'],
    ['GET', '/api/badges/production/status.svg'],
    ['GET', '/_next/static/chunks/main.js'],
    ['GET', '/icon.svg'],
  ])('%s %s authenticates itself or is a file', (method, path) => {
    expect(isPublicPath(method, path)).toBe(true);
  });

  test.each([
    ['GET', '/'],
    ['GET', '/environments/production'],
    ['GET', '/api/v1/test-runs'],
    ['GET', '/api/v1/deployments'],
    ['GET', '/api/authz'],
    ['GET', '/api/webhooksx'],
    ['GET', '/forbidden'],
    ['POST', '/api/badges/production/status.svg'],
    ['GET', '/api/badgesx/production/status.svg'],
  ])('%s %s needs a session', (method, path) => {
    expect(isPublicPath(method, path)).toBe(false);
  });
});

describe('safeCallbackPath', () => {
  const origin = 'http://localhost:3000';

  test('keeps a path on this site, with its query and hash', () => {
    expect(safeCallbackPath('/previews?tab=mine', origin)).toBe('/previews?tab=mine');
    expect(safeCallbackPath('/tests/runs/7#case-3', origin)).toBe('/tests/runs/7#case-3');
    expect(safeCallbackPath(['/audit', '/costs'], origin)).toBe('/audit');
  });

  test('an absolute URL on this origin becomes its path', () => {
    expect(safeCallbackPath(`${origin}/deployments?state=error`, origin)).toBe(
      '/deployments?state=error',
    );
    // Its path alone would read as another host: one leading slash only.
    expect(safeCallbackPath(`${origin}//evil.com/x`, origin)).toBe('/evil.com/x');
  });

  test.each([
    // "/%09/evil.com" as the page reads it, decoded.
    '/\t/evil.com',
    '/\n/evil.com',
    '/\r\n/evil.com',
    '\t//evil.com',
    '/\t\t/evil.com',
    ' //evil.com',
    '/\\evil.com',
    '\\\\evil.com',
    '//evil.com',
    '//evil.com/signin',
    'https://evil.com',
    'https://localhost:3000.evil.com/',
    'http://localhost:3001/',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    '',
    'http://[',
  ])('%j leads off the site, so the overview instead', (value) => {
    expect(safeCallbackPath(value, origin)).toBe('/');
  });

  test('a value still percent-encoded stays a path on this site', () => {
    // A browser does not decode %09 when it follows a Location: this is a path here.
    const path = safeCallbackPath('/%09/evil.com', origin);
    expect(path).toBe('/%09/evil.com');
    expect(new URL(path, origin).origin).toBe(origin);
  });

  test('nothing given means the overview', () => {
    expect(safeCallbackPath(undefined, origin)).toBe('/');
    expect(safeCallbackPath(null, origin)).toBe('/');
    expect(safeCallbackPath([], origin)).toBe('/');
  });
});
