import { createServer, type IncomingMessage } from 'node:http';

type Handler = (request: Request) => Promise<Response>;

export interface RouteReceiver {
  url: (path: string) => string;
  close: () => Promise<void>;
}

async function toRequest(message: IncomingMessage, baseUrl: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of message) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [key, value] of Object.entries(message.headers)) {
    if (typeof value === 'string') headers.set(key, value);
  }
  return new Request(`${baseUrl}${message.url}`, {
    method: message.method,
    headers,
    body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
  });
}

/**
 * Serves route handlers (e.g. the webhook routes' POST) over HTTP on 127.0.0.1, so a sandbox's
 * webhook sender reaches them the way a provider reaches the deployed app.
 */
export async function startRouteReceiver(
  port: number,
  routes: Record<string, Handler>,
): Promise<RouteReceiver> {
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = createServer((message, reply) => {
    const handler = routes[new URL(message.url ?? '/', baseUrl).pathname];
    if (!handler) {
      reply.writeHead(404).end();
      return;
    }
    void toRequest(message, baseUrl)
      .then(handler)
      .then(async (response) => {
        reply.writeHead(response.status, Object.fromEntries(response.headers));
        reply.end(Buffer.from(await response.arrayBuffer()));
      })
      .catch((error: unknown) => {
        reply.writeHead(500).end(String(error));
      });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: (path) => `${baseUrl}${path}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
