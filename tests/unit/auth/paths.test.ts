import { describe, expect, test } from 'vitest';
import { isPublicPath, safeCallbackPath } from '@/lib/auth/paths';

describe('isPublicPath', () => {
  test.each([
    ['GET', '/signin'],
    ['GET', '/api/health'],
    ['POST', '/api/auth/callback/demo'],
    ['GET', '/api/auth/session'],
    ['POST', '/api/webhooks/github'],
    ['GET', '/api/cron/github'],
    ['POST', '/api/v1/test-runs'],
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
  ])('%s %s needs a session', (method, path) => {
    expect(isPublicPath(method, path)).toBe(false);
  });
});

describe('safeCallbackPath', () => {
  test('keeps a path on this site, with its query', () => {
    expect(safeCallbackPath('/previews?tab=mine')).toBe('/previews?tab=mine');
  });

  test('anything that could leave the site becomes the overview', () => {
    for (const value of [
      'https://evil.example/',
      '//evil.example',
      '/\\evil.example',
      '',
      undefined,
    ]) {
      expect(safeCallbackPath(value)).toBe('/');
    }
  });
});
