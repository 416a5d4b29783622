import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

type RouteHandler = (request: Request) => Promise<Response>;

async function toRequest(incoming: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (typeof value === 'string') headers.set(name, value);
  }
  return new Request(new URL(incoming.url ?? '/', origin), {
    method: incoming.method,
    headers,
    body: Buffer.concat(chunks),
  });
}

/**
 * A plain HTTP server on 127.0.0.1 that hands each request, as received on the wire, to the
 * route handler for its path: what the sandboxes' webhook senders POST is exactly what the
 * route handlers see.
 */
export async function startRouteForwarder(
  routes: Record<string, RouteHandler>,
  port: number,
): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = createServer((incoming, outgoing) => {
    void (async () => {
      const route = routes[new URL(incoming.url ?? '/', 'http://x').pathname];
      if (!route) {
        outgoing.writeHead(404).end();
        return;
      }
      const response = await route(await toRequest(incoming, `http://127.0.0.1:${port}`));
      outgoing.writeHead(response.status, Object.fromEntries(response.headers));
      outgoing.end(Buffer.from(await response.arrayBuffer()));
    })().catch((error: unknown) => {
      outgoing.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
