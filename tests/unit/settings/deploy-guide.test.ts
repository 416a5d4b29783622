import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { SETTING_NAMES } from '@/lib/settings/schemas';

test('docs/deploy.md says what to do with every variable the settings module reads', () => {
  const guide = readFileSync(new URL('../../../docs/deploy.md', import.meta.url), 'utf8');
  expect(SETTING_NAMES.filter((name) => !guide.includes(`\`${name}\``))).toEqual([]);
});
