/**
 * What a server action hands back to the browser: a typed union the UI shows as a sentence.
 * Errors carry a code; database detail is logged on the server, never put here.
 */
export interface ActionError {
  /** invalid_input (400), unauthenticated (401), forbidden (403), internal_error, or the work's own. */
  code: string;
  message: string;
  issues?: { path: string; message: string }[];
}

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };
