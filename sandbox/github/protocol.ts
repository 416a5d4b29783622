import { createHash } from 'node:crypto';
import type { Handler, SandboxRequest, SandboxResponse } from '../http/server';

const DOCS = 'https://docs.github.com/rest';

/** GitHub's error body. 422 adds `errors[]`. */
export function githubError(status: number, message: string, errors?: unknown[]) {
  return { message, documentation_url: DOCS, status: String(status), ...(errors && { errors }) };
}

export function notFound(): SandboxResponse {
  return { status: 404, body: githubError(404, 'Not Found') };
}

/**
 * `per_page` (default 30, at most 100) and `page`, with a `Link` header naming next, last,
 * first and prev the way GitHub does; other query parameters are carried over.
 */
export function paginate<T>(
  request: SandboxRequest,
  apiUrl: string,
  items: T[],
): { items: T[]; headers: Record<string, string> } {
  const perPage = Math.min(100, Math.max(1, Number(request.query.get('per_page')) || 30));
  const current = Math.max(1, Number(request.query.get('page')) || 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const url = (page: number) => {
    const query = new URLSearchParams(request.query);
    query.set('page', String(page));
    return `<${apiUrl}${request.path}?${query}>`;
  };
  const links: string[] = [];
  if (current < last) links.push(`${url(current + 1)}; rel="next"`, `${url(last)}; rel="last"`);
  if (current > 1) links.push(`${url(1)}; rel="first"`, `${url(current - 1)}; rel="prev"`);
  return {
    items: items.slice((current - 1) * perPage, current * perPage),
    headers: links.length > 0 ? { link: links.join(', ') } : {},
  };
}

/** The primary rate limit: a budget per hour, reset on the hour's end. */
export class Quota {
  private used = 0;
  private resetAt: number;

  constructor(
    readonly limit: number,
    private readonly now: () => Date,
  ) {
    this.resetAt = this.nextReset();
  }

  private nextReset(): number {
    return Math.floor(this.now().getTime() / 1000) + 3600;
  }

  private roll(): void {
    if (this.now().getTime() / 1000 >= this.resetAt) {
      this.used = 0;
      this.resetAt = this.nextReset();
    }
  }

  get remaining(): number {
    this.roll();
    return Math.max(0, this.limit - this.used);
  }

  spend(): void {
    this.roll();
    this.used++;
  }

  /** Sets what is left, e.g. 0 to make the next request hit the limit. */
  setRemaining(remaining: number): void {
    this.used = this.limit - remaining;
  }

  headers(): Record<string, string> {
    const remaining = this.remaining;
    return {
      'x-ratelimit-limit': String(this.limit),
      'x-ratelimit-remaining': String(remaining),
      'x-ratelimit-used': String(this.limit - remaining),
      'x-ratelimit-reset': String(this.resetAt),
      'x-ratelimit-resource': 'core',
    };
  }
}

/**
 * What every GitHub route shares: a token is required; a spent quota answers 403; a GET whose
 * ETag matches `If-None-Match` answers 304 and, as on GitHub, costs no quota.
 */
export function githubRoute(
  quota: Quota,
  accepts: (token: string) => boolean,
  handler: Handler,
): Handler {
  return async (request) => {
    const auth = request.headers.authorization ?? '';
    const presented = auth.replace(/^(bearer|token)\s+/i, '');
    if (!presented || presented === auth) {
      return { status: 401, body: githubError(401, 'Requires authentication') };
    }
    if (!accepts(presented)) {
      return { status: 401, body: githubError(401, 'Bad credentials') };
    }
    if (quota.remaining === 0) {
      return {
        status: 403,
        headers: quota.headers(),
        body: githubError(403, 'API rate limit exceeded for this token.'),
      };
    }
    const response = await handler(request);
    if (request.method !== 'GET' || response.status !== 200) {
      quota.spend();
      return { ...response, headers: { ...response.headers, ...quota.headers() } };
    }
    const etag = `"${createHash('sha1').update(JSON.stringify(response.body)).digest('hex')}"`;
    if (request.headers['if-none-match'] === etag) {
      return { status: 304, headers: { etag, ...quota.headers() } };
    }
    quota.spend();
    return { ...response, headers: { ...response.headers, etag, ...quota.headers() } };
  };
}
