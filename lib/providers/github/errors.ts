import { ProviderError } from '../errors';

interface OctokitFailure {
  status: number;
  message: string;
  response?: { data?: unknown; headers?: Record<string, string | number | undefined> };
}

function isOctokitFailure(error: unknown): error is OctokitFailure {
  return error instanceof Error && typeof (error as { status?: unknown }).status === 'number';
}

/**
 * Names the call that failed and keeps GitHub's own `message`. Octokit reports a request that got
 * no answer (timeout, refused connection) as status 500 without a response: that is no status.
 */
export function toGitHubError(operation: string, error: unknown): ProviderError {
  if (error instanceof ProviderError) return error;
  if (isOctokitFailure(error) && error.response) {
    const data = error.response.data;
    const message =
      typeof data === 'object' && data !== null && 'message' in data
        ? String(data.message)
        : error.message;
    // A spent quota (403 with nothing remaining) passes at the reset: worth trying again then.
    const quotaSpent = String(error.response.headers?.['x-ratelimit-remaining']) === '0';
    return new ProviderError({
      provider: 'github',
      operation,
      status: error.status,
      message: `${error.status} ${message}`,
      ...(quotaSpent && { retryable: true }),
      cause: error,
    });
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new ProviderError({
    provider: 'github',
    operation,
    message: `no answer: ${reason}`,
    cause: error,
  });
}

/** Runs one client call, turning whatever Octokit throws into a ProviderError naming it. */
export async function githubCall<T>(operation: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toGitHubError(operation, error);
  }
}
