import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';
import prettier from 'eslint-config-prettier/flat';

/**
 * The layers, kept by a rule: each folder imports only the layers below it (the README's layout
 * table names them). `no-restricted-imports` patterns are matched against the import's text, so
 * each layer forbids both the `@/` alias and a relative path that climbs into the same folder;
 * type-only imports count too (a type chain still pulls a module into a client bundle's types).
 *
 * Flat config gives a file the rule options of the last matching block, so a narrower folder's
 * block (lib/domain inside lib, db/seed inside db) repeats what its parent forbids.
 */

/** A restriction on `@/<folder>` and on a relative path climbing into `<folder>`. */
function folders(names, message) {
  const group = names.join('|');
  return [
    { regex: `^@/(${group})(/|$)`, message },
    { regex: `^(\\.\\./)+(${group})(/|$)`, message },
  ];
}

/** Everything under `@/` but the allowed modules (an entry ending in '/' is a whole folder). */
function onlyFrom(allowed, message) {
  const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const kept = allowed
    .map((entry) =>
      entry.endsWith('/') ? `${escape(entry.slice(0, -1))}(/|$)` : `${escape(entry)}$`,
    )
    .join('|');
  return [
    { regex: `^@/(?!(${kept}))`, message },
    { regex: '^(\\.\\./)+(app|components|db|lib|sandbox|scripts|tests)(/|$)', message },
  ];
}

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

const SERVICES =
  'lib/ services (operations, auth, sync, providers…) never import routes or UI: pass what they need in.';
const DOMAIN =
  'lib/domain is the vocabulary every layer shares: it imports nothing else of the project.';
const DATABASE =
  'db/ imports only lib/domain, the parsed settings and the paging and filter schemas: the rest of lib builds on db, not the other way round.';
const SETTINGS =
  'The settings modules parse the environment with zod: they import lib/domain only, so every layer may read them.';
const PROVIDERS =
  'lib/providers speaks HTTP only: the database and the settings are wired in from outside (no db/).';
const COMPONENTS =
  'Components import lib/domain types, lib/format, the filter and paging schemas and other components; the page hands them plain data.';
const SANDBOX =
  'The sandbox is a separate program: it imports only lib/domain and the demo generator (lib/demo), never db/ or app/.';
const DEMO = 'The demo generator is pure: it returns plain data and imports only lib/domain.';
const ROUTES =
  "A route never imports another route's actions: shared actions live in app/(board)/actions/.";

/** Modules with no I/O that every layer may read: the URL schemas of the lists and their pages. */
const SCHEMAS = ['lib/paging', 'lib/filters/'];
/** The settings parsers (not the start-up check, which reads every layer's settings). */
const SETTINGS_MODULES = ['lib/settings/env', 'lib/settings/schemas', 'lib/settings/settings'];
const databaseAllowed = ['db/', 'lib/domain/', ...SCHEMAS, ...SETTINGS_MODULES];
const servicesPatterns = folders(['app', 'components', 'sandbox'], SERVICES);

const layerRules = [
  { files: ['lib/**'], rules: restrict(servicesPatterns) },
  {
    files: ['lib/providers/**'],
    rules: restrict([...servicesPatterns, ...folders(['db'], PROVIDERS)]),
  },
  {
    files: ['lib/domain/**'],
    rules: restrict([
      { regex: '^@/(?!lib/domain/)', message: DOMAIN },
      { regex: '^\\.\\./', message: DOMAIN },
    ]),
  },
  {
    files: SETTINGS_MODULES.map((module) => `${module}.ts`),
    rules: restrict(onlyFrom(['lib/domain/', ...SETTINGS_MODULES], SETTINGS)),
  },
  { files: ['db/**'], rules: restrict(onlyFrom(databaseAllowed, DATABASE)) },
  {
    // The seed writes what the pure demo generator returns.
    files: ['db/seed/**'],
    rules: restrict(onlyFrom([...databaseAllowed, 'lib/demo/'], DATABASE)),
  },
  {
    files: ['components/**'],
    rules: restrict(onlyFrom(['components/', 'lib/domain/', 'lib/format', ...SCHEMAS], COMPONENTS)),
  },
  {
    files: ['sandbox/**'],
    rules: restrict(onlyFrom(['sandbox/', 'lib/domain/', 'lib/demo/'], SANDBOX)),
  },
  {
    files: ['lib/demo/**'],
    rules: restrict([...servicesPatterns, ...onlyFrom(['lib/demo/', 'lib/domain/'], DEMO)]),
  },
  {
    files: ['app/**'],
    rules: restrict([
      { regex: '^\\.\\./(.*/)?actions(/|$)', message: ROUTES },
      { regex: '^@/app/(?!\\(board\\)/actions/)(.*/)?actions(/|$)', message: ROUTES },
    ]),
  },
];

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      // A leading underscore marks a value left unused on purpose (a skipped tuple slot, a
      // destructured-away key).
      '@typescript-eslint/no-unused-vars': [
        'warn',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  ...layerRules,
  {
    // Playwright fixtures hand values on with `use()`, which the React rule takes for React's.
    files: ['tests/e2e/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  // Last, so formatting is left to Prettier (`npm run lint` runs `prettier --check` after ESLint).
  prettier,
  globalIgnores([
    '.next/**',
    '.next-bench/**',
    '.next-bench-bare/**',
    'node_modules/**',
    '.data/**',
    'db/migrations/**',
    'test-results/**',
    'playwright-report/**',
    'blob-report/**',
    'coverage/**',
    'next-env.d.ts',
  ]),
]);
