import {
  json,
  Router,
  startServer,
  type SandboxRequest,
  type SandboxResponse,
} from '../http/server';
import { checkDiscord, checkSlack, checkWebhook, type SinkFormat } from './formats';
import { renderListing } from './page';
import { type SignatureCheck, verifySignature } from './signature';

/** One request the sink received, as its listing shows it. */
export interface ReceivedMessage {
  id: number;
  receivedAt: string;
  format: SinkFormat;
  /** The last path segment: `/slack/team-alerts` is channel `team-alerts`. */
  channel: string;
  idempotencyKey: string | null;
  /** What a person would read in the chat. */
  text: string;
  answeredStatus: number;
  /** For a generic webhook: whether its signature matched the secret the sink was given. */
  signature: SignatureCheck | null;
  body: unknown;
}

export interface ChatSink {
  baseUrl: string;
  messages: () => ReceivedMessage[];
  /** Gives the sink a generic webhook channel's signing secret, so it verifies what arrives. */
  trust: (channel: string, secret: string) => void;
  /** The next requests to `channel` get these statuses instead (a channel that fails, then heals). */
  failNext: (channel: string, statuses: number[]) => void;
  close: () => Promise<void>;
}

const CHECKS = { slack: checkSlack, discord: checkDiscord, webhook: checkWebhook } as const;

/**
 * A local stand-in for Slack, Discord and a webhook receiver: it accepts their formats, refuses
 * what they would refuse, verifies envboard's signatures, and lists everything it received at
 * `GET /` (a page) and `GET /messages` (JSON). `npm run dev` starts it beside the provider
 * sandboxes, and the demo's alert channel posts here. Only 127.0.0.1 listens.
 */
export async function startChatSink(options: { port?: number } = {}): Promise<ChatSink> {
  const received: ReceivedMessage[] = [];
  const secrets = new Map<string, string>();
  const faults = new Map<string, number[]>();

  function receive(format: SinkFormat, request: SandboxRequest): SandboxResponse {
    const channel = request.params.channel!;
    const header = (name: string) => {
      const value = request.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    const check = CHECKS[format](request.body);
    let signature: SignatureCheck | null = null;
    if (format === 'webhook') {
      const secret = secrets.get(channel);
      signature = !secret
        ? 'unchecked'
        : verifySignature(header('x-envboard-signature'), request.rawBody, secret)
          ? 'valid'
          : 'invalid';
    }
    const fault = faults.get(channel)?.shift();
    const response: SandboxResponse =
      fault !== undefined
        ? json(fault, { error: 'fault injected by the chat sink' })
        : !check.ok
          ? json(check.status, { error: check.error })
          : signature === 'invalid'
            ? json(401, { error: 'signature does not match' })
            : accepted(format);
    received.unshift({
      id: received.length + 1,
      receivedAt: new Date().toISOString(),
      format,
      channel,
      idempotencyKey: header('idempotency-key') ?? null,
      text: check.ok ? check.text : check.error,
      answeredStatus: response.status,
      signature,
      body: request.body,
    });
    return response;
  }

  const router = new Router()
    .on('GET', '/', () => ({
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
      body: renderListing(received),
    }))
    .on('GET', '/messages', () =>
      json(200, { messages: received }, { 'cache-control': 'no-store' }),
    );
  for (const format of ['slack', 'discord', 'webhook'] as const) {
    router.on('POST', `/${format}/:channel`, (request) => receive(format, request));
  }
  const server = await startServer({
    router,
    port: options.port,
    errorBody: (_status, message) => ({ error: message }),
  });
  return {
    baseUrl: server.baseUrl,
    messages: () => [...received],
    trust: (channel, secret) => secrets.set(channel, secret),
    failNext: (channel, statuses) =>
      faults.set(channel, [...(faults.get(channel) ?? []), ...statuses]),
    close: server.close,
  };
}

/** Each service's own success answer: Slack `ok`, Discord 204 (no `?wait=true`), a webhook 200. */
function accepted(format: SinkFormat): SandboxResponse {
  if (format === 'slack')
    return { status: 200, headers: { 'content-type': 'text/plain' }, body: 'ok' };
  if (format === 'discord') return { status: 204 };
  return json(200, { received: true });
}
