import type { Octokit } from '@octokit/core';
import { inSpan, setSpanAttributes } from '@/lib/observability/trace';

/** A paginated call's later pages come as the Link header's full URL: its path, without query. */
function endpointOf(url: string): string {
  return /^https?:\/\//.test(url) ? new URL(url).pathname : url;
}

// Attempts per request, keyed by the options object the retry plugins hand back on each retry.
const attempts = new WeakMap<object, number>();

/**
 * An Octokit plugin giving each HTTP attempt a span. Listed before the retry and throttling
 * plugins, its hook wraps the innermost request, so a retried call shows one span per attempt;
 * they hand each retry the same options object, which is how attempts are counted. The endpoint is Octokit's route
 * template (`POST /repos/{owner}/{repo}/statuses/{sha}`), never the URL with its query; a
 * paginated call arrives with its path already expanded and keeps it.
 */
export function tracing(octokit: Octokit): void {
  octokit.hook.wrap('request', (request, options) => {
    const attempt = (attempts.get(options) ?? 0) + 1;
    attempts.set(options, attempt);
    const attributes = {
      'envboard.provider': 'github',
      'envboard.provider.endpoint': `${options.method} ${endpointOf(options.url)}`,
      'envboard.provider.attempt': attempt,
      'http.request.method': options.method,
    };
    return inSpan('provider.request', attributes, async (span) => {
      try {
        const response = await request(options);
        setSpanAttributes(span, { 'http.response.status_code': response.status });
        return response;
      } catch (error) {
        const status = (error as { status?: unknown }).status;
        setSpanAttributes(span, {
          'http.response.status_code': typeof status === 'number' ? status : undefined,
        });
        throw error;
      }
    });
  });
}
