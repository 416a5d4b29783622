import { describe, expect, it } from 'vitest';
import {
  exclusionLabel,
  exclusionSentence,
  previewExclusion,
} from '@/lib/domain/preview-exclusion';
import { provisionRetryAt } from '@/lib/domain/provision-retry';
import { githubConfigFromEnv } from '@/lib/settings/provider-settings';
import { isFromFork } from '@/lib/providers/github/map';

const branch = (repo: string | null) => (repo === null ? null : { full_name: repo });

describe('which pull requests get a preview', () => {
  it('takes a head in another repository, or in a deleted one, for a fork; case does not matter', () => {
    const pr = (head: string | null, base: string) => ({
      head: { repo: branch(head) },
      base: { repo: { full_name: base } },
    });
    expect(isFromFork(pr('acme/shop', 'acme/shop'))).toBe(false);
    expect(isFromFork(pr('Acme/Shop', 'acme/shop'))).toBe(false);
    expect(isFromFork(pr('mallory/shop', 'acme/shop'))).toBe(true);
    expect(isFromFork(pr(null, 'acme/shop'))).toBe(true);
  });

  it('excludes a fork first, then another environment’s branch, and says so', () => {
    const fork = previewExclusion({ fromFork: true, headBranch: 'main' }, 'Production');
    expect(fork).toEqual({ reason: 'fork' });
    expect(exclusionLabel(fork!)).toBe('not provisioned: fork');
    const develop = previewExclusion({ fromFork: false, headBranch: 'develop' }, 'Development');
    expect(exclusionLabel(develop!)).toBe("not provisioned: Development's branch");
    expect(exclusionSentence('PR #4', 'develop', develop!)).toBe(
      "PR #4 is from develop, Development's branch: envboard never provisions or deletes it as a preview.",
    );
    expect(previewExclusion({ fromFork: false, headBranch: 'feature' }, null)).toBeNull();
  });
});

describe('provisioning retries', () => {
  it('wait 10 minutes after the first failure, twice as long after each next, at most 6 hours', () => {
    const failedAt = new Date('2026-12-01T00:00:00Z');
    const waits = [1, 2, 3, 4, 10].map(
      (failures) => (provisionRetryAt(failures, failedAt).getTime() - failedAt.getTime()) / 60_000,
    );
    expect(waits).toEqual([10, 20, 40, 80, 360]);
  });
});

describe('GITHUB_APP_SLUG', () => {
  const env = { GITHUB_TOKEN: 't', GITHUB_REPOSITORY: 'acme/shop' };
  it('is optional, and names itself when malformed', () => {
    expect(githubConfigFromEnv(env).appSlug).toBeUndefined();
    expect(githubConfigFromEnv({ ...env, GITHUB_APP_SLUG: 'envboard' }).appSlug).toBe('envboard');
    expect(() => githubConfigFromEnv({ ...env, GITHUB_APP_SLUG: 'envboard[bot]' })).toThrow(
      /GITHUB_APP_SLUG/,
    );
  });
});
