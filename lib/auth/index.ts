/**
 * Sign-in and roles. Roles, weakest first: viewer < developer < release_manager < admin
 * (`ROLES`, `hasRole` in lib/domain/roles — the only place they are ordered). A role is a
 * membership on the board's project, read fresh from the database on every request; the session
 * cookie holds the GitHub numeric user id (and the login, for display). A user without a membership cannot
 * sign in, and one whose membership is taken away is refused (403) from the next request on.
 *
 * - `getActor()` → `Actor | null` (lib/domain/actor): who is rendering this page / calling this
 *   action ({ userId, githubId, login, name, avatarUrl, role, projectId }); null when signed out or
 *   without a role. `getCaller()` also returns a signed-in person without a role (`role: null`).
 *   `getRequestActor(request)` / `getRequestCaller(request)` are the same for a route handler.
 * - `requireRole(minimum)`: pages and server components. Returns the Actor; redirects to
 *   /signin without a session and to /forbidden when the role is too weak.
 * - `guardedAction(schema, minimum, work)`: every server action. Parses the input (object or
 *   FormData) → authenticates → checks the role → `work(input, actor)`. Resolves to
 *   `{ ok: true, data } | { ok: false, error: { code, message, issues? } }` with codes
 *   invalid_input, unauthenticated (401), forbidden (403), internal_error, or whatever the work
 *   throws as `new ActionFailure(code, message)`. Never throws, never leaks error detail.
 * - Route handlers: `jsonRoute(schema, handler, { role, scope })` in lib/http/json-route.ts
 *   checks, after parsing, a bearer API token with `scope` (default read) or a session with at
 *   least `role` (default viewer): 401 / 403 JSON. A route of another shape calls
 *   `authorizeRequest(request, { role, scope })` (request-auth.ts) and answers its refusal.
 * - API tokens (api-tokens.ts): `issueApiToken`, `verifyApiToken`, `revokeApiToken`. A token's
 *   actor has `tokenId` set, `userId` 0, and the role its scopes give (lib/domain/api-tokens).
 * - proxy.ts sends every page without a session to /signin?callbackUrl=…; `isPublicPath`
 *   lists what stays open (auth, health, webhooks, crons, test-run uploads, static files), and
 *   `carriesApiToken` lets /api/v1 calls with a bearer token through to the route's own check.
 */
export type { Caller } from './actor';
export { type AuthFailure, checkRole } from './check-role';
export { ActionFailure, guardedAction, requireRole } from './guard';
export { getActor, getCaller, getRequestActor, getRequestCaller } from './session';
