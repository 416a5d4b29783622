/**
 * Status badges: `GET /api/badges/<environment>/<kind>.svg` draws one, `….json` answers the
 * shields.io endpoint schema (https://shields.io/badges/endpoint-badge) so shields can draw it
 * in its own styles.
 */
import type { EnvironmentState } from './environments';

export const BADGE_KINDS = ['status', 'uptime', 'deploy', 'tests'] as const;
export type BadgeKind = (typeof BADGE_KINDS)[number];

export const BADGE_FORMATS = ['svg', 'json'] as const;
export type BadgeFormat = (typeof BADGE_FORMATS)[number];

export const BADGE_LABELS: Record<BadgeKind, string> = {
  status: 'status',
  uptime: 'uptime 30d',
  deploy: 'deploy',
  tests: 'tests',
};

/** shields.io's named colours and the hex values its own badges draw them in. */
export const BADGE_COLORS = {
  brightgreen: '#4c1',
  green: '#97ca00',
  yellow: '#dfb317',
  orange: '#fe7d37',
  red: '#e05d44',
  blue: '#007ec6',
  lightgrey: '#9f9f9f',
} as const;
export type BadgeColor = keyof typeof BADGE_COLORS;

/** shields.io honours cacheSeconds of 300 or more; the SVG's Cache-Control says the same. */
export const BADGE_CACHE_SECONDS = 300;

export interface Badge {
  label: string;
  message: string;
  color: BadgeColor;
}

/** The shields.io endpoint schema: exactly these keys (it rejects unknown ones). */
export interface ShieldsEndpoint {
  schemaVersion: 1;
  label: string;
  message: string;
  color: BadgeColor;
  cacheSeconds: number;
}

export function shieldsEndpoint(badge: Badge): ShieldsEndpoint {
  return {
    schemaVersion: 1,
    label: badge.label,
    message: badge.message,
    color: badge.color,
    cacheSeconds: BADGE_CACHE_SECONDS,
  };
}

/** `status.svg` → { kind: 'status', format: 'svg' }; anything else is no badge. */
export function parseBadgeFile(file: string): { kind: BadgeKind; format: BadgeFormat } | null {
  const match = /^([a-z]+)\.([a-z]+)$/.exec(file);
  if (!match) return null;
  const [, kind, format] = match;
  if (!(BADGE_KINDS as readonly string[]).includes(kind!)) return null;
  if (!(BADGE_FORMATS as readonly string[]).includes(format!)) return null;
  return { kind: kind as BadgeKind, format: format as BadgeFormat };
}

/** The usual uptime steps: under 99 % red, under 99.5 % yellow, else green. */
export function uptimeColor(pct: number | null): BadgeColor {
  if (pct === null) return 'lightgrey';
  if (pct < 99) return 'red';
  if (pct < 99.5) return 'yellow';
  return 'green';
}

/** An environment's (or a deployment's) state as a badge colour. */
export function stateColor(state: EnvironmentState): BadgeColor {
  switch (state) {
    case 'ready':
      return 'brightgreen';
    case 'error':
      return 'red';
    case 'queued':
    case 'building':
      return 'blue';
    default:
      return 'lightgrey';
  }
}

export function testsColor(counts: { passed: number; failed: number } | null): BadgeColor {
  if (!counts) return 'lightgrey';
  return counts.failed > 0 ? 'red' : 'brightgreen';
}
