import { describe, expect, it } from 'vitest';
import { previewCostView } from '@/lib/domain/preview-cost';
import { PREVIEW_COMMENT_MARKER, renderPreviewComment } from '@/lib/operations/pr-comment';

/** $1.234 so far at $0.50 a day, expiring on 5 Dec, seen at `now`. */
const costAt = (now: string) =>
  previewCostView({
    costSoFarUsd: 1.234,
    dailyRateUsd: 0.5,
    now: new Date(now),
    expiresAt: new Date('2026-12-05T00:00:00Z'),
    thresholdUsd: 5,
  });

const facts = {
  status: 'active' as const,
  url: 'https://shop-git-cart.vercel.app',
  dbBranch: 'preview/cart',
  deployment: { state: 'ready', commitSha: '0123456789abcdef' },
  tests: { verdict: 'flaky' as const, passed: 40, failed: 0, flaky: 2, suites: [] },
  cost: costAt('2026-12-01T00:00:00Z'),
  lastAction: 'Database reset from its parent',
};

describe('renderPreviewComment', () => {
  it('starts with the marker and lists URL, branch, deployment, tests and cost', () => {
    const body = renderPreviewComment(facts);
    expect(body.startsWith(PREVIEW_COMMENT_MARKER)).toBe(true);
    expect(body).toContain('| Preview | https://shop-git-cart.vercel.app |');
    expect(body).toContain('| Database branch | `preview/cart` |');
    expect(body).toContain('| Deployment | ready (0123456) |');
    expect(body).toContain('| Tests | flaky: 40 passed, 0 failed, 2 flaky |');
    expect(body).toContain('| Cost so far | $1.23 |');
    expect(body).toContain('| Last change | Database reset from its parent |');
  });

  it('says a deleted preview is gone but keeps its cost', () => {
    const body = renderPreviewComment({ ...facts, status: 'deleted' });
    expect(body).toContain('deleted: its deployments and database branch are gone');
    expect(body).not.toContain('Database branch');
    expect(body).toContain('Cost so far');
  });

  it('says what is missing rather than leaving blanks', () => {
    const body = renderPreviewComment({
      ...facts,
      url: null,
      dbBranch: null,
      deployment: null,
      tests: { verdict: 'none', passed: 0, failed: 0, flaky: 0, suites: [] },
    });
    expect(body).toContain('| Preview | not deployed yet |');
    expect(body).toContain('| Database branch | none |');
    expect(body).toContain('| Deployment | no deployment yet |');
    expect(body).toContain('| Tests | no reports yet |');
  });

  it('projects the cost to expiry and warns when the projection passes the threshold', () => {
    const body = renderPreviewComment(facts);
    expect(body).toContain('| Projected to expiry | $3.23 ($0.50 a day recently) |');
    expect(body).not.toContain('WARNING');
    const over = renderPreviewComment({
      ...facts,
      cost: costAt('2026-11-20T00:00:00Z'),
    });
    expect(over).toContain('> [!WARNING]');
    expect(over).toContain(
      'projected to cost $8.73 by its expiry, over the $5.00 per-preview threshold',
    );
  });
});
