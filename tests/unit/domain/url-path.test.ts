import { expect, test } from 'vitest';
import { isDecodablePath } from '@/lib/domain/url-path';

test('paths with valid percent-encoding decode, others do not', () => {
  for (const path of ['/', '/tests/runs/12', '/environments/pr-1%20x', '/a/%C3%A9']) {
    expect(isDecodablePath(path), path).toBe(true);
  }
  for (const path of ['/environments/%ZZ', '/tests/runs/%', '/api/v1/operations/%E0%A4%A']) {
    expect(isDecodablePath(path), path).toBe(false);
  }
});
