import { expect, test } from 'vitest';
import { decodablePath } from '@/lib/domain/url-path';

test('a path with valid percent-encoding comes back unchanged', () => {
  for (const path of ['/', '/tests/runs/12', '/environments/pr-1%20x', '/a/%C3%A9']) {
    expect(decodablePath(path), path).toBe(path);
  }
});

test('a segment that is not valid percent-encoding becomes literal text', () => {
  expect(decodablePath('/environments/%ZZ')).toBe('/environments/%25ZZ');
  expect(decodablePath('/tests/runs/%')).toBe('/tests/runs/%25');
  expect(decodablePath('/api/v1/operations/%E0%A4%A/x')).toBe(
    '/api/v1/operations/%25E0%25A4%25A/x',
  );
  expect(decodeURIComponent(decodablePath('/a/%E0%A4%A'))).toBe('/a/%E0%A4%A');
});
