import type { Octokit } from '@octokit/core';
import { inSpan, setSpanAttributes } from '@/lib/observability/trace';

/** A paginated call's later pages come as the Link header's full URL: its path, without query. */
function endpointOf(url: string): string {
  return /^https?:\/\//.test(url) ? new URL(url).pathname : url;
}

/**
 * An Octokit plugin giving each HTTP attempt a span. Listed before the retry and throttling
 * plugins, its hook wraps the innermost request, so a retried call shows one span per attempt;
 * those plugins number the retries in `request.retryCount`. The endpoint is Octokit's route
 * template (`GET /repos/{owner}/{repo}/pulls`), never the expanded URL with its ids and query.
 */
export function tracing(octokit: Octokit): void {
  octokit.hook.wrap('request', (request, options) => {
    const retryCount = Number(options.request?.retryCount ?? 0);
    const attributes = {
      'envboard.provider': 'github',
      'envboard.provider.endpoint': `${options.method} ${endpointOf(options.url)}`,
      'envboard.provider.attempt': retryCount + 1,
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
