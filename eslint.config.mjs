import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';
import prettier from 'eslint-config-prettier/flat';

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
  {
    // Playwright fixtures hand values on with `use()`, which the React rule takes for React's.
    files: ['tests/e2e/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  // Last, so formatting is left to Prettier (`npm run lint` runs `prettier --check` after ESLint).
  prettier,
  globalIgnores([
    '.next/**',
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
