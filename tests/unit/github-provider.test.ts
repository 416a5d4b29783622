import { describe, expect, it } from 'vitest';
import { ProviderError } from '@/lib/providers/errors';
import { githubConfigFromEnv } from '@/lib/settings/provider-settings';
import { toGitHubError } from '@/lib/providers/github/errors';
import { MemoryEtagCache } from '@/lib/providers/github/etag-cache';

const entry = (etag: string) => ({ etag, status: 200, headers: {}, body: '[]' });

describe('githubConfigFromEnv', () => {
  it('reads the token, repository and API URL, defaulting to api.github.com', () => {
    expect(githubConfigFromEnv({ GITHUB_TOKEN: 't', GITHUB_REPOSITORY: 'acme/shop' })).toEqual({
      baseUrl: 'https://api.github.com',
      token: 't',
      owner: 'acme',
      repo: 'shop',
    });
  });

  it('names the variable that is missing or malformed', () => {
    expect(() => githubConfigFromEnv({ GITHUB_REPOSITORY: 'acme/shop' })).toThrow(/GITHUB_TOKEN/);
    expect(() => githubConfigFromEnv({ GITHUB_TOKEN: 't', GITHUB_REPOSITORY: 'shop' })).toThrow(
      /owner\/name/,
    );
  });
});

describe('MemoryEtagCache', () => {
  it('evicts the least recently used URL beyond its size', () => {
    const cache = new MemoryEtagCache(2);
    cache.set('a', entry('"a"'));
    cache.set('b', entry('"b"'));
    cache.get('a');
    cache.set('c', entry('"c"'));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.etag).toBe('"a"');
    expect(cache.size).toBe(2);
  });
});

describe('toGitHubError', () => {
  const octokitError = (status: number, data: unknown, headers: Record<string, string> = {}) =>
    Object.assign(new Error('raw'), { status, response: { data, headers } });

  it('keeps GitHub’s message and the status, and says whether a retry can help', () => {
    const notFound = toGitHubError('getPullRequest', octokitError(404, { message: 'Not Found' }));
    expect(notFound).toBeInstanceOf(ProviderError);
    expect(notFound).toMatchObject({ provider: 'github', status: 404, retryable: false });
    expect(notFound.message).toBe('github getPullRequest failed: 404 Not Found');
    expect(toGitHubError('x', octokitError(502, 'Bad gateway')).retryable).toBe(true);
  });

  it('treats a 403 with no quota left as retryable, and other 403s as final', () => {
    const spent = octokitError(
      403,
      { message: 'API rate limit exceeded' },
      { 'x-ratelimit-remaining': '0' },
    );
    expect(toGitHubError('x', spent).retryable).toBe(true);
    expect(toGitHubError('x', octokitError(403, { message: 'Forbidden' })).retryable).toBe(false);
  });

  it('reports a failure with no response as no answer, with no status', () => {
    const error = toGitHubError(
      'listWorkflowRuns',
      Object.assign(new Error('timeout'), { status: 500 }),
    );
    expect(error).toMatchObject({ status: undefined, retryable: true });
    expect(error.message).toBe('github listWorkflowRuns failed: no answer: timeout');
  });
});
