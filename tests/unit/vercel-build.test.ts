import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const json = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8'));

describe("Vercel's build", () => {
  test('goes through the script that decides about migrations, never straight to db:migrate', () => {
    expect(json('vercel.json').buildCommand).toBe('npm run vercel-build');
    expect(json('package.json').scripts['vercel-build']).toBe('tsx scripts/vercel-build.ts');
  });

  test('a production build without DATABASE_URL stops before next build, saying why', () => {
    const tsx = join(root, 'node_modules/.bin/tsx');
    const run = spawnSync(tsx, ['scripts/vercel-build.ts'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, VERCEL_ENV: 'production', DATABASE_URL: '' },
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/envboard build: refused: a production build needs DATABASE_URL/);
    expect(run.stdout).not.toMatch(/Creating an optimized production build/);
  }, 60_000);
});
