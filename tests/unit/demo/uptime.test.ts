import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED, generateDemoHistory } from '@/lib/demo';
import type { UptimeCheckRow } from '@/lib/demo';

const now = new Date('2026-03-18T10:25:00Z');
const history = generateDemoHistory({ now, seed: DEFAULT_SEED });
const FIVE_MINUTES = 300_000;

const checksOf = (slug: string) => history.uptimeChecks.filter((c) => c.environmentSlug === slug);

/** Consecutive failed checks of one environment, as [first, last] instants. */
function incidents(checks: readonly UptimeCheckRow[]): [number, number][] {
  const windows: [number, number][] = [];
  for (const check of checks.filter((c) => !c.ok)) {
    const at = check.checkedAt.getTime();
    const last = windows[windows.length - 1];
    if (last && at - last[1] === FIVE_MINUTES) last[1] = at;
    else windows.push([at, at]);
  }
  return windows;
}

describe('demo uptime', () => {
  it('checks production, staging and development every 5 minutes for the whole 90 days', () => {
    for (const slug of ['production', 'staging', 'development']) {
      const checks = checksOf(slug);
      expect(checks).toHaveLength(90 * 288);
      expect(checks[checks.length - 1]!.checkedAt).toEqual(now);
    }
  });

  it('checks each open preview only since it exists', () => {
    const previews = history.environments.filter(
      (e) => e.kind === 'preview' && e.status === 'active',
    );
    for (const env of previews) {
      const checks = checksOf(env.slug);
      expect(checks.length).toBeGreaterThan(0);
      expect(checks[0]!.checkedAt.getTime()).toBeGreaterThanOrEqual(env.createdAt!.getTime());
    }
    const deleted = new Set(
      history.environments.filter((e) => e.status === 'deleted').map((e) => e.slug),
    );
    expect(history.uptimeChecks.some((c) => deleted.has(c.environmentSlug))).toBe(false);
  });

  it('has exactly three short incidents: two of 25 minutes in production and 15 in staging', () => {
    const all = ['production', 'staging', 'development'].flatMap((slug) =>
      incidents(checksOf(slug)).map(([from, to]) => ({ slug, minutes: (to - from) / 60_000 + 5 })),
    );
    expect(all).toEqual([
      { slug: 'production', minutes: 25 },
      { slug: 'production', minutes: 25 },
      { slug: 'staging', minutes: 15 },
    ]);
    expect(
      history.uptimeChecks.filter((c) => c.environmentSlug.startsWith('pr-') && !c.ok),
    ).toEqual([]);
  });

  it('answers in 80–150 ms at the median with a long tail', () => {
    for (const slug of ['production', 'staging', 'development']) {
      const latencies = checksOf(slug)
        .filter((c) => c.ok)
        .map((c) => c.latencyMs!)
        .sort((a, b) => a - b);
      const p50 = latencies[Math.floor(latencies.length / 2)]!;
      const p99 = latencies[Math.floor(latencies.length * 0.99)]!;
      expect(p50).toBeGreaterThanOrEqual(80);
      expect(p50).toBeLessThanOrEqual(150);
      expect(p99).toBeGreaterThan(2 * p50);
    }
  });

  it('records failures as a 503 or a timeout', () => {
    for (const check of history.uptimeChecks.filter((c) => !c.ok)) {
      expect(check.statusCode === 503 || check.error === 'timeout').toBe(true);
    }
  });
});
