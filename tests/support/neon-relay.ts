import { once } from 'node:events';
import { connect } from 'node:net';
import { neonConfig } from '@neondatabase/serverless';
import ws, { type RawData, type WebSocket, WebSocketServer } from 'ws';

/**
 * A WebSocket → TCP relay standing in for Neon's proxy, so the Neon serverless driver talks to
 * the local PostgreSQL for real, through its WebSocket pool (the HTTP query function cannot be
 * carried this way). The driver asks for
 * `ws://127.0.0.1:<port>/v2?address=<host>:<port>` and sends PostgreSQL's wire protocol as
 * binary frames; the relay pipes them both ways.
 */
export interface NeonRelay {
  port: number;
  close: () => Promise<void>;
}

export async function startNeonRelay(): Promise<NeonRelay> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await once(server, 'listening');
  server.on('connection', (socket, request) => relay(socket, request.url ?? ''));
  const { port } = server.address() as { port: number };
  return {
    port,
    close: async () => {
      for (const client of server.clients) client.terminate();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function relay(socket: WebSocket, requestUrl: string): void {
  const address = new URL(requestUrl, 'ws://relay').searchParams.get('address') ?? '';
  const separator = address.lastIndexOf(':');
  const tcp = connect(Number(address.slice(separator + 1)), address.slice(0, separator));
  socket.on('message', (data: RawData) => {
    if (Array.isArray(data)) tcp.write(Buffer.concat(data));
    else tcp.write(Buffer.isBuffer(data) ? data : Buffer.from(data));
  });
  tcp.on('data', (chunk) => socket.send(chunk));
  socket.on('close', () => tcp.destroy());
  socket.on('error', () => tcp.destroy());
  tcp.on('close', () => socket.close());
  tcp.on('error', () => socket.close());
}

/** Points the Neon driver in this process at the relay instead of Neon's TLS proxy. */
export function routeNeonThroughRelay(port: number): void {
  neonConfig.webSocketConstructor = ws;
  neonConfig.wsProxy = (host, targetPort) => `127.0.0.1:${port}/v2?address=${host}:${targetPort}`;
  neonConfig.useSecureWebSocket = false;
  neonConfig.pipelineConnect = false;
}
