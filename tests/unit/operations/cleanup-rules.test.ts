import { describe, expect, it } from 'vitest';
import {
  boundCandidates,
  type CleanupFacts,
  cleanupCandidates,
  cleanupRefusal,
  type PreviewRecord,
} from '@/lib/domain/cleanup';

const NOW = new Date('2026-12-06T12:00:00Z');
const MINUTE = 60_000;

function preview(overrides: Partial<PreviewRecord> = {}): PreviewRecord {
  return {
    environmentId: 7,
    name: 'PR #7',
    gitBranch: 'feature-x',
    active: false,
    pinned: false,
    lastActivityAt: NOW,
    pullRequest: { number: 7, state: 'closed' },
    ...overrides,
  };
}

function facts(overrides: Partial<CleanupFacts> = {}): CleanupFacts {
  return {
    previews: [preview()],
    activeEnvironments: [{ id: 1, gitBranch: 'main', neonBranchId: 'br-main' }],
    openHeadBranches: new Set(),
    createdNeonBranches: new Map([['br-x', 7]]),
    nonPreviewDeployments: new Set(),
    neonBranches: [{ id: 'br-x', name: 'preview/feature-x' }],
    deployments: [{ uid: 'dpl_x', gitBranch: 'feature-x', target: null }],
    idleBefore: new Date(NOW.getTime() - 7 * 86_400_000),
    ...overrides,
  };
}

const keys = (input: CleanupFacts) => cleanupCandidates(input).map((candidate) => candidate.key);

describe('cleanupCandidates', () => {
  it('lists the branch and build envboard made for a closed pull request', () => {
    expect(keys(facts())).toEqual(['neon_branch:br-x', 'deployment:dpl_x']);
  });

  it('keeps everything on a branch an active environment uses', () => {
    const development = { id: 2, gitBranch: 'feature-x', neonBranchId: null };
    expect(keys(facts({ activeEnvironments: [development] }))).toEqual([]);
  });

  it('keeps everything on a branch with an open pull request', () => {
    expect(keys(facts({ openHeadBranches: new Set(['feature-x']) }))).toEqual([]);
  });

  it('keeps a Neon branch envboard did not create, whatever its name', () => {
    expect(keys(facts({ createdNeonBranches: new Map() }))).toEqual(['deployment:dpl_x']);
  });

  it('keeps production and staging builds and builds recorded outside previews', () => {
    const deployments = [
      { uid: 'dpl_prod', gitBranch: 'feature-x', target: 'production' },
      { uid: 'dpl_dev', gitBranch: 'feature-x', target: null },
    ];
    const input = facts({ deployments, nonPreviewDeployments: new Set(['dpl_dev']) });
    expect(keys(input)).toEqual(['neon_branch:br-x']);
  });

  it('does not delete a closed preview whose branch another active environment uses', () => {
    const closed = preview({ active: true });
    const development = { id: 2, gitBranch: 'feature-x', neonBranchId: null };
    const self = { id: 7, gitBranch: 'feature-x', neonBranchId: 'br-x' };
    const alone = facts({ previews: [closed], activeEnvironments: [self] });
    expect(keys(alone)).toEqual(['preview:7']);
    const shared = facts({ previews: [closed], activeEnvironments: [self, development] });
    expect(keys(shared)).toEqual([]);
  });
});

describe('cleanupRefusal', () => {
  const base = {
    maxSyncAgeMs: 20 * MINUTE,
    now: NOW,
    providerOpenPullRequests: 3,
    previewsWithOpenPullRequest: 2,
  };

  it('allows a sync exactly twice its schedule old, and refuses one older or missing', () => {
    const at = (minutesAgo: number) => new Date(NOW.getTime() - minutesAgo * MINUTE);
    expect(cleanupRefusal({ ...base, lastPullRequestSyncAt: at(20) })).toBeNull();
    expect(cleanupRefusal({ ...base, lastPullRequestSyncAt: at(21) })).toMatch(/more than 20 min/);
    expect(cleanupRefusal({ ...base, lastPullRequestSyncAt: null })).toMatch(/never succeeded/);
  });

  it('refuses when GitHub lists no open pull request but the board has previews of open ones', () => {
    const empty = { ...base, lastPullRequestSyncAt: NOW, providerOpenPullRequests: 0 };
    expect(cleanupRefusal(empty)).toMatch(/GitHub lists no open pull request/);
    expect(cleanupRefusal({ ...empty, previewsWithOpenPullRequest: 0 })).toBeNull();
  });
});

describe('boundCandidates', () => {
  it('takes the first max now and leaves the rest', () => {
    const bounded = boundCandidates(
      Array.from({ length: 25 }, (_, i) => i),
      10,
    );
    expect(bounded.now).toHaveLength(10);
    expect(bounded.deferred).toEqual(Array.from({ length: 15 }, (_, i) => i + 10));
  });
});
