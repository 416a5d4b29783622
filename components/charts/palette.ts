import type { CostProvider } from '@/lib/domain/costs';

/**
 * Okabe–Ito: a qualitative palette people with any common colour-vision deficiency can tell
 * apart. A series keeps its colour on every page.
 */
export const PALETTE = {
  blue: '#0072B2',
  orange: '#E69F00',
  green: '#009E73',
  purple: '#CC79A7',
  sky: '#56B4E9',
  vermillion: '#D55E00',
  yellow: '#F0E442',
} as const;

export const PROVIDER_COLORS: Record<CostProvider, string> = {
  vercel: PALETTE.blue,
  neon: PALETTE.green,
  github: PALETTE.purple,
  monitoring: PALETTE.orange,
};

/** Colours that mean a state, used for nothing else. */
export const STATE_COLORS = {
  ok: '#16a34a',
  warning: '#d97706',
  bad: '#dc2626',
} as const;

/** Budgets, SLOs and other thresholds: thin, dashed, neutral. */
export const THRESHOLD_COLOR = '#52525b';
export const GRID_COLOR = '#e4e4e7';
export const AXIS_COLOR = '#71717a';
