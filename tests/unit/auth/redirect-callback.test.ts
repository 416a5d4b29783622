import { describe, expect, test } from 'vitest';
import { buildAuthOptions } from '@/lib/auth/options';

const baseUrl = 'http://127.0.0.1:3000';
const redirect = (url: string) =>
  buildAuthOptions({ secret: 's', github: null, demoSignIn: true, teamRoles: [] }).callbacks!
    .redirect!({ url, baseUrl });

describe("next-auth's redirect after sign-in", () => {
  test('keeps a path or an absolute URL on this site', async () => {
    expect(await redirect('/previews?tab=mine')).toBe(`${baseUrl}/previews?tab=mine`);
    expect(await redirect(`${baseUrl}/audit#latest`)).toBe(`${baseUrl}/audit#latest`);
  });

  test.each([
    '/\t/evil.com',
    '/\n/evil.com',
    '\t//evil.com',
    '/\\evil.com',
    '//evil.com',
    'https://evil.com',
    'javascript:alert(1)',
    'http://[',
  ])('%j goes to the overview of this site', async (url) => {
    expect(await redirect(url)).toBe(`${baseUrl}/`);
  });
});
