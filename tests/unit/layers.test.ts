import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { beforeAll, describe, expect, test } from 'vitest';

/**
 * The layer rule in eslint.config.mjs, proved on snippets: each one is linted as if it sat at a
 * path in a layer, with the project's own config, and must be reported (a leak) or pass (an
 * allowed import). A rule that stopped firing would let every leak through silently.
 */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
let eslint: ESLint;
beforeAll(async () => {
  eslint = new ESLint({ cwd: root });
  // Loading the config (Next.js's plugins) is the slow part: done once, before the timed tests.
  await eslint.lintText('\n', { filePath: join(root, 'lib/domain/warm-up.ts') });
}, 120_000);

async function leaks(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath: join(root, filePath) });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

const cases: { layer: string; path: string; leaks: string[]; allowed: string[] }[] = [
  {
    layer: 'lib/domain imports nothing else of the project',
    path: 'lib/domain/example.ts',
    leaks: [
      "import { getDatabase } from '@/db/client';",
      "import type { Operation } from '@/db/schema';",
      "import type { Caller } from '@/lib/auth/actor';",
      "import { formatUsd } from '../format';",
    ],
    allowed: [
      "import { ROLES } from './roles';",
      "import type { Role } from '@/lib/domain/roles';",
      "import { z } from 'zod';",
    ],
  },
  {
    layer: 'db imports only lib/domain and the paging and filter schemas',
    path: 'db/queries/example.ts',
    leaks: [
      "import { requireRole } from '@/lib/auth';",
      "import type { OperationClients } from '@/lib/operations';",
      "import { providers } from '../../lib/wiring/provider-clients';",
      "import { Card } from '@/components/ui/card';",
      "import { generateDemo } from '@/lib/demo/generate';",
    ],
    allowed: [
      "import { ROLES } from '@/lib/domain/roles';",
      "import { encodeCursor } from '@/lib/paging';",
      "import type { PreviewFilters } from '@/lib/filters/previews';",
      "import { environments } from '../schema';",
      "import { and, eq } from 'drizzle-orm';",
    ],
  },
  {
    layer: 'the seed also reads the pure demo generator',
    path: 'db/seed/example.ts',
    leaks: ["import { createGitHubClient } from '@/lib/providers/github/client';"],
    allowed: [
      "import { generateDemo } from '@/lib/demo/generate';",
      "import { demoHistory } from '@/lib/demo';",
      "import { insertAll } from '../writes';",
    ],
  },
  {
    layer: 'the demo generator is pure: it reads lib/domain only',
    path: 'lib/demo/example.ts',
    leaks: [
      "import { getDatabase } from '@/db/client';",
      "import type { NewDeployment } from '../../db/schema';",
      "import { providers } from '@/lib/wiring/provider-clients';",
    ],
    allowed: [
      "import type { Role } from '@/lib/domain/roles';",
      "import { mulberry32 } from './mulberry32';",
    ],
  },
  {
    layer: 'lib/providers never imports db',
    path: 'lib/providers/github/example.ts',
    leaks: [
      "import { getDatabase } from '@/db/client';",
      "import type { Database } from '../../../db/client';",
      "import { Card } from '@/components/ui/card';",
    ],
    allowed: [
      "import { ROLES } from '@/lib/domain/roles';",
      "import { ProviderError } from '../errors';",
    ],
  },
  {
    layer: 'components import lib/domain, lib/format, the schemas and components only',
    path: 'components/example/example-table.tsx',
    leaks: [
      "import type { Operation } from '@/db/schema';",
      "export type { Operation } from '@/db/schema';",
      "import type { PreviewListItem } from '../../db/queries/previews';",
      "import { previewAvailability } from '@/lib/operations/availability';",
      "import { requireRole } from '@/lib/auth';",
      "import type { Caller } from '@/lib/auth/actor';",
      "import { providers } from '@/lib/wiring/provider-clients';",
      "import { runSync } from '@/lib/sync/run-sync';",
      "import { rollbackAction } from '@/app/(board)/actions/release';",
      "import { parseSearchParams } from '@/lib/http/query-params';",
    ],
    allowed: [
      "import type { PreviewAvailability } from '@/lib/domain/availability';",
      "import { ROLE_LABELS } from '@/lib/domain/roles';",
      "import { formatUsd } from '@/lib/format';",
      "import type { PreviewFilters } from '@/lib/filters/previews';",
      "import type { Page } from '@/lib/paging';",
      "import { Card } from '@/components/ui/card';",
      "import { Stat } from '../ui/stat';",
      "import { useState } from 'react';",
    ],
  },
  {
    layer: 'the sandbox reads lib/domain and the demo generator, never db or app',
    path: 'sandbox/github/example.ts',
    leaks: [
      "import { getDatabase } from '@/db/client';",
      "import { seedDemo } from '../../db/seed';",
      "import { GET } from '@/app/api/health/route';",
      "import { runSync } from '@/lib/sync/run-sync';",
    ],
    allowed: [
      "import { ROLES } from '@/lib/domain/roles';",
      "import { demoHistory } from '@/lib/demo';",
      "import { createServer } from '../http/server';",
    ],
  },
  {
    layer: "a route never imports another route's actions",
    path: 'app/(board)/deployments/page.tsx',
    leaks: [
      "import { rollbackAction } from '../environments/[slug]/actions';",
      "import { approvePromotionAction } from '../actions';",
      "import { reseedPreviewAction } from '@/app/(board)/previews/actions';",
    ],
    allowed: [
      "import { rollbackAction } from '@/app/(board)/actions/release';",
      "import { exportAction } from './actions';",
      "import { listDeployments } from '@/db/queries/deployments';",
    ],
  },
  {
    layer: 'lib services never import routes or components',
    path: 'lib/operations/example.ts',
    leaks: [
      "import { Card } from '@/components/ui/card';",
      "import { rollbackAction } from '@/app/(board)/actions/release';",
      "import { startSandbox } from '@/sandbox/launch';",
    ],
    allowed: [
      "import { getDatabase } from '@/db/client';",
      "import { hasRole } from '@/lib/domain/roles';",
      "import { createGitHubClient } from '@/lib/providers/github/client';",
    ],
  },
];

describe('the layer rule', () => {
  describe.each(cases)('$layer', ({ path, leaks: leaking, allowed }) => {
    test.each(leaking)(`reports %s in ${path}`, async (code) => {
      expect(await leaks(path, code)).toHaveLength(1);
    });
    test.each(allowed)(`allows %s in ${path}`, async (code) => {
      expect(await leaks(path, code)).toEqual([]);
    });
  });
});

/**
 * ESLint sees one import at a time; a client component can still reach drizzle through a chain
 * of them (a component → a type in lib/auth → db/schema). Follow every import, types included,
 * from each 'use client' module and require that none ends in db/ or a database driver.
 */
describe('client components', () => {
  const DATABASE_PACKAGES = /^(drizzle-orm|pg|@neondatabase\/|@electric-sql\/)/;

  function resolveModule(from: string, specifier: string): string | undefined {
    const base = specifier.startsWith('@/')
      ? join(root, specifier.slice(2))
      : specifier.startsWith('.')
        ? resolve(dirname(from), specifier)
        : undefined;
    if (!base) return undefined;
    const candidates = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'].map((end) => base + end);
    return candidates.find((file) => {
      try {
        return statSync(file).isFile();
      } catch {
        return false;
      }
    });
  }

  /** Each chain from `file` that reaches the database, as "a → b → c". */
  function databaseChains(file: string): string[] {
    const chains: string[] = [];
    const seen = new Set<string>();
    const visit = (current: string, path: string[]) => {
      if (seen.has(current)) return;
      seen.add(current);
      const { importedFiles } = ts.preProcessFile(readFileSync(current, 'utf8'), true, true);
      for (const { fileName } of importedFiles) {
        if (DATABASE_PACKAGES.test(fileName)) chains.push([...path, fileName].join(' → '));
        const next = resolveModule(current, fileName);
        if (!next) continue;
        const name = relative(root, next);
        if (name.startsWith('db/')) chains.push([...path, name].join(' → '));
        else visit(next, [...path, name]);
      }
    };
    visit(file, [relative(root, file)]);
    return chains;
  }

  const clientModules = (readdirSync(join(root, 'components'), { recursive: true }) as string[])
    .map((name) => join(root, 'components', name))
    .filter((file) => /\.tsx?$/.test(file))
    .filter((file) => /^['"]use client['"]/.test(readFileSync(file, 'utf8')));

  test('there are client components to check', () => {
    expect(clientModules.length).toBeGreaterThan(10);
  });

  test('no client component reaches db/ or a database driver, even through types', () => {
    expect(clientModules.flatMap(databaseChains)).toEqual([]);
  });
});
