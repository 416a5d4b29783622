export const SUITE_LABEL = { unit: 'Unit', integration: 'Integration', e2e: 'E2E' } as const;
