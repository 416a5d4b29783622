import type { IncomingHttpHeaders } from 'node:http';

/** What a route handler sees: the parsed request, with path params and the raw body kept. */
export interface SandboxRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The exact bytes received, decoded as UTF-8 (signatures are computed over these). */
  rawBody: string;
  /** `rawBody` parsed as JSON; `undefined` when the body is empty. */
  body: unknown;
}

export interface SandboxResponse {
  status: number;
  headers?: Record<string, string>;
  /** Serialized as JSON unless it is a string, bytes or `undefined` (no body, e.g. 204 or 304). */
  body?: unknown;
}

export type Handler = (request: SandboxRequest) => SandboxResponse | Promise<SandboxResponse>;

interface Route {
  method: string;
  segments: string[];
  handler: Handler;
}

/**
 * A minimal method + path router. Patterns are literal segments and `:name` params, e.g.
 * `/repos/:owner/:repo/pulls/:number`; params are URL-decoded.
 */
export class Router {
  private readonly routes: Route[] = [];

  on(method: string, pattern: string, handler: Handler): this {
    this.routes.push({ method: method.toUpperCase(), segments: split(pattern), handler });
    return this;
  }

  match(
    method: string,
    path: string,
  ): { handler: Handler; params: Record<string, string> } | undefined {
    const segments = split(path);
    for (const route of this.routes) {
      if (route.method !== method.toUpperCase()) continue;
      const params = matchSegments(route.segments, segments);
      if (params) return { handler: route.handler, params };
    }
    return undefined;
  }
}

function split(path: string): string[] {
  return path.split('/').filter((segment) => segment.length > 0);
}

function matchSegments(pattern: string[], actual: string[]): Record<string, string> | undefined {
  if (pattern.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, expected] of pattern.entries()) {
    const value = actual[index] as string;
    if (expected.startsWith(':')) params[expected.slice(1)] = decodeURIComponent(value);
    else if (expected !== value) return undefined;
  }
  return params;
}
