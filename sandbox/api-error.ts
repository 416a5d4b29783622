import type { Handler, SandboxResponse } from './http/router';
import { json, type Middleware } from './http/server';

/**
 * A refusal by an emulated provider (a rule it enforces, a missing resource). Each emulator
 * turns it into its provider's error body, so the rules live in plain state code, not in routes.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Wraps a handler so an ApiError it throws leaves in the provider's wire format. */
export function answering(errorBody: (error: ApiError) => unknown): (handler: Handler) => Handler {
  return (handler) => async (request) => {
    try {
      return await handler(request);
    } catch (error) {
      if (error instanceof ApiError) return json(error.status, errorBody(error));
      throw error;
    }
  };
}

/** Refuses any request without the configured bearer token, before routing or faults. */
export function requireBearer(token: string, refusal: SandboxResponse): Middleware {
  return (request) => (request.headers.authorization === `Bearer ${token}` ? undefined : refusal);
}
