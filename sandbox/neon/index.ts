import { ApiError, requireBearer } from '../api-error';
import { Faults } from '../http/faults';
import { startServer } from '../http/server';
import type { ConsumptionRow } from './consumption';
import { neonErrorBody, neonRoutes } from './routes';
import { NeonStore } from './store';

export interface NeonSandboxOptions {
  apiKey: string;
  projectId: string;
  port?: number;
  seed?: number;
  /** How long each emulated operation runs; tests keep it to a few ms. */
  operationMs?: number;
  /** The emulator's clock, for tests that move past an expiry. */
  now?: () => number;
}

export interface NeonSandbox {
  /** What NEON_API_URL should be: the server's address plus Neon's `/api/v2` prefix. */
  apiUrl: string;
  store: NeonStore;
  consumption: ConsumptionRow[];
  faults: Faults;
  close: () => Promise<void>;
}

const CODES: Record<number, string> = {
  401: 'UNAUTHORIZED',
  404: 'NOT_FOUND',
  429: 'TOO_MANY_REQUESTS',
};

function errorBody(status: number, message: string) {
  return neonErrorBody(new ApiError(status, CODES[status] ?? 'INTERNAL_ERROR', message));
}

/**
 * Starts the Neon emulator on 127.0.0.1 for one project. Neon has no webhooks, so
 * envboard learns of Neon changes by syncing; this emulator only answers calls.
 */
export async function startNeonSandbox(options: NeonSandboxOptions): Promise<NeonSandbox> {
  const store = new NeonStore(options.projectId, options.operationMs ?? 200, options.now);
  const consumption: ConsumptionRow[] = [];
  const faults = new Faults({ errorBody, seed: options.seed });
  const server = await startServer({
    router: neonRoutes(store, consumption),
    errorBody,
    port: options.port,
    middleware: [
      requireBearer(options.apiKey, { status: 401, body: errorBody(401, 'authorization failed') }),
      faults.middleware,
      () => {
        store.sweepExpired();
        return undefined;
      },
    ],
  });
  return { apiUrl: `${server.baseUrl}/api/v2`, store, consumption, faults, close: server.close };
}
