import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_DURATION_SECONDS } from '@/lib/http/max-duration';

/**
 * Work handed to `after()` runs inside the invocation that answered, and Vercel stops it at the
 * route's maxDuration: every page or route whose code can reach an `after(` call, and every cron
 * route, declares it, with the one value the recovery limits are built on. The import graph is
 * read from the source, so a new route that starts an operation is caught too.
 */

const ROOT = resolve(__dirname, '../../..');
const EXTENSIONS = ['.ts', '.tsx', '/index.ts', '/index.tsx'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

function resolveImport(from: string, specifier: string): string | undefined {
  const base = specifier.startsWith('@/')
    ? join(ROOT, specifier.slice(2))
    : specifier.startsWith('.')
      ? resolve(dirname(from), specifier)
      : undefined;
  if (!base) return undefined;
  return EXTENSIONS.map((extension) => base + extension).find((path) => existsSync(path));
}

const sources = new Map<string, string>();
const read = (path: string) => {
  if (!sources.has(path)) sources.set(path, readFileSync(path, 'utf8'));
  return sources.get(path)!;
};

function reachesAfter(entry: string): boolean {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const path = queue.pop()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const source = read(path);
    if (/\bafter\(/.test(source) && /from 'next\/server'/.test(source)) return true;
    for (const [, specifier] of source.matchAll(/from '([^']+)'/g)) {
      const next = resolveImport(path, specifier!);
      if (next) queue.push(next);
    }
  }
  return false;
}

const entries = files(join(ROOT, 'app')).filter((path) => /\/(page\.tsx|route\.ts)$/.test(path));
const declared = (path: string) =>
  new RegExp(`^export const maxDuration = ${MAX_DURATION_SECONDS};$`, 'm').test(read(path));

describe('maxDuration', () => {
  it('is declared by every page and route whose work continues in after()', () => {
    const needing = entries.filter(reachesAfter).map((path) => relative(ROOT, path));
    expect(needing).toEqual(
      expect.arrayContaining([
        'app/api/webhooks/github/route.ts',
        'app/(board)/environments/[slug]/page.tsx',
        'app/(board)/previews/page.tsx',
      ]),
    );
    const missing = needing.filter((path) => !declared(join(ROOT, path)));
    expect(missing).toEqual([]);
  });

  it('is declared by every cron route', () => {
    const crons = entries.filter((path) => path.includes('/app/api/cron/'));
    expect(crons.length).toBeGreaterThanOrEqual(8);
    expect(crons.filter((path) => !declared(path)).map((path) => relative(ROOT, path))).toEqual([]);
  });
});
