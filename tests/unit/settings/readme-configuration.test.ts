import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { SETTING_NAMES } from '@/lib/settings/schemas';

/** The variables the README's configuration table names, from each row's first cell. */
function documentedVariables(): Set<string> {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const section = readme.split(/^## Configuration$/m)[1]?.split(/^## /m)[0] ?? '';
  const names = section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .flatMap((line) => [...line.split('|')[1]!.matchAll(/`([A-Z0-9_]+)`/g)].map((m) => m[1]!));
  return new Set(names);
}

describe("the README's configuration table", () => {
  test('lists every variable the settings module reads', () => {
    const documented = documentedVariables();
    expect(SETTING_NAMES.filter((name) => !documented.has(name))).toEqual([]);
  });

  test('is found at all, so the check above cannot pass on an empty table', () => {
    expect(documentedVariables().size).toBeGreaterThan(SETTING_NAMES.length / 2);
  });
});
