import { AsyncLocalStorage } from 'node:async_hooks';
import { REQUEST_ID_HEADER } from '@/lib/http/request-id';

/**
 * The request being served, for the log lines and spans written deep inside its work: the id
 * proxy.ts gave it travels with the async calls instead of through every function's arguments.
 */
const storage = new AsyncLocalStorage<{ requestId: string }>();

/** Runs `work` with the request's id (from proxy.ts's x-request-id header) as the current one. */
export function withRequestContext<T>(request: Request, work: () => T): T {
  const requestId = request.headers.get(REQUEST_ID_HEADER);
  return requestId ? storage.run({ requestId }, work) : work();
}

/** The id of the request being served, if the work started in one. */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}
