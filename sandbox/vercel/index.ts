import { ApiError, requireBearer } from '../api-error';
import { Faults } from '../http/faults';
import { startServer } from '../http/server';
import type { WebhookSender } from '../http/webhook-sender';
import { vercelErrorBody, vercelRoutes } from './routes';
import { VercelStore } from './store';
import { createVercelWebhookSender, vercelEvent } from './webhooks';

export interface VercelSandboxOptions {
  token: string;
  webhookSecret: string;
  /** envboard's `/api/webhooks/vercel`; without it webhooks queue up unsent. */
  webhookTarget?: string;
  port?: number;
  seed?: number;
  /** Send queued webhooks this long after a change; tests leave it unset and call flush(). */
  webhookDelayMs?: number;
  /** > 0: promotions answer 202 and finish this long later, as Vercel's alias jobs can. */
  aliasJobMs?: number;
  now?: () => number;
}

export interface VercelSandbox {
  baseUrl: string;
  store: VercelStore;
  faults: Faults;
  webhooks: WebhookSender;
  close: () => Promise<void>;
}

const STATUS_CODES: Record<number, string> = {
  403: 'forbidden',
  404: 'not_found',
  429: 'rate_limited',
};

function errorBody(status: number, message: string) {
  return vercelErrorBody(
    new ApiError(status, STATUS_CODES[status] ?? 'internal_server_error', message),
  );
}

/** Starts the Vercel emulator on 127.0.0.1: state in memory, faults off, webhooks signed. */
export async function startVercelSandbox(options: VercelSandboxOptions): Promise<VercelSandbox> {
  const webhooks = createVercelWebhookSender({
    secret: options.webhookSecret,
    target: options.webhookTarget,
    seed: options.seed,
    autoFlushMs: options.webhookDelayMs,
  });
  const now = options.now ?? Date.now;
  const store = new VercelStore(
    (type, payload) => webhooks.enqueue(vercelEvent(type, payload, now())),
    now,
    options.aliasJobMs,
  );
  const faults = new Faults({
    errorBody,
    seed: options.seed,
    rateLimitHeaders: (burst) => ({
      'x-ratelimit-limit': '100',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(Math.ceil(now() / 1000) + burst.retryAfterSeconds),
    }),
  });
  const server = await startServer({
    router: vercelRoutes(store, () => webhooks.target),
    errorBody,
    port: options.port,
    middleware: [
      requireBearer(options.token, { status: 403, body: errorBody(403, 'Not authorized') }),
      faults.middleware,
      () => {
        store.settle();
        return undefined;
      },
    ],
  });
  return { baseUrl: server.baseUrl, store, faults, webhooks, close: server.close };
}
