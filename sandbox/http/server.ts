import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Router, SandboxRequest, SandboxResponse } from './router';

export type { Handler, SandboxRequest, SandboxResponse } from './router';
export { Router } from './router';

/** Builds the provider's own error body, e.g. GitHub's `{ message, documentation_url }`. */
export type ErrorBody = (status: number, message: string) => unknown;

/**
 * Runs before routing; a response short-circuits the request (fault injection, auth checks).
 * Returning `undefined` lets the request through.
 */
export type Middleware = (
  request: SandboxRequest,
) => SandboxResponse | undefined | Promise<SandboxResponse | undefined>;

export interface ServerOptions {
  router: Router;
  errorBody: ErrorBody;
  /** 0 or absent: a free port chosen by the OS. */
  port?: number;
  middleware?: Middleware[];
}

export interface RunningServer {
  baseUrl: string;
  close: () => Promise<void>;
}

export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): SandboxResponse {
  return { status, body, headers };
}

/** Listens on 127.0.0.1 only, so a sandbox is never reachable from outside; answers its URL. */
export async function listenLocally(server: Server, port = 0): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Closes a server without waiting for its keep-alive sockets to time out. */
export function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}

/** Starts an HTTP server on 127.0.0.1 only: the sandbox is never reachable from outside. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const server = createServer((req, res) => {
    handle(options, req, res).catch((error: unknown) => {
      console.error('sandbox: handler failed', error);
      send(res, json(500, options.errorBody(500, 'Internal sandbox error')));
    });
  });
  return {
    baseUrl: await listenLocally(server, options.port),
    close: () => closeServer(server),
  };
}

async function handle(options: ServerOptions, req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const rawBody = await readBody(req);
  let body: unknown;
  try {
    body = rawBody.length > 0 ? JSON.parse(rawBody) : undefined;
  } catch {
    return send(res, json(400, options.errorBody(400, 'Problems parsing JSON')));
  }
  const method = req.method ?? 'GET';
  const request: SandboxRequest = {
    method,
    path: url.pathname,
    params: {},
    query: url.searchParams,
    headers: req.headers,
    rawBody,
    body,
  };
  for (const middleware of options.middleware ?? []) {
    const early = await middleware(request);
    if (early) return send(res, early);
  }
  const match = options.router.match(method, url.pathname);
  if (!match) return send(res, json(404, options.errorBody(404, 'Not Found')));
  send(res, await match.handler({ ...request, params: match.params }));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, response: SandboxResponse): void {
  const headers = { ...response.headers };
  let payload: string | Uint8Array | undefined;
  if (typeof response.body === 'string' || response.body instanceof Uint8Array) {
    payload = response.body;
  } else if (response.body !== undefined) {
    payload = JSON.stringify(response.body);
    headers['content-type'] ??= 'application/json; charset=utf-8';
  }
  res.writeHead(response.status, headers);
  res.end(payload);
}
